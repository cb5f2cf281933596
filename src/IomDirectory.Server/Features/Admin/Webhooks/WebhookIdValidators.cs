using FluentValidation;

namespace IomDirectory.Server.Features.Admin.Webhooks;

/// <summary>A subscriber id as the service makes them ("wh_" + 16 hex digits): anything else names no subscriber.</summary>
internal static class WebhookIdRules
{
    public const int MaxLength = 64;

    public static void IdRules<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> id) =>
        validator.RuleFor(id).NotEmpty().WithMessage("id is required").MaximumLength(MaxLength).WithMessage($"id must be at most {MaxLength} characters")
            .OverridePropertyName("id");
}

public sealed class EnableWebhookCommandValidator : AbstractValidator<EnableWebhookCommand>
{
    public EnableWebhookCommandValidator() => this.IdRules(c => c.Id);
}

public sealed class DeleteWebhookCommandValidator : AbstractValidator<DeleteWebhookCommand>
{
    public DeleteWebhookCommandValidator() => this.IdRules(c => c.Id);
}
