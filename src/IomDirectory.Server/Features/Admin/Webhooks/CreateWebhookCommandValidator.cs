using FluentValidation;
using IomDirectory.Server.Webhooks;
using IomDirectory.Server.Webhooks.Internal;

namespace IomDirectory.Server.Features.Admin.Webhooks;

public sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator(WebhookTargets targets)
    {
        RuleFor(c => c.Url).Custom((url, context) =>
        {
            if (targets.Refusal(url) is { } refusal) context.AddFailure("url", "url " + refusal);
        });
        RuleFor(c => c.Kinds).Must(k => k.Count <= WebhookKinds.All.Count).WithMessage($"kinds has at most {WebhookKinds.All.Count} entries")
            .OverridePropertyName("kinds");
        RuleForEach(c => c.Kinds).Must(WebhookKinds.All.Contains)
            .WithMessage((_, kind) => $"kinds: '{Shown(kind)}' is not a record kind ({string.Join(", ", WebhookKinds.All.Order(StringComparer.Ordinal))})")
            .OverridePropertyName("kinds");
        RuleFor(c => c.Description).MaximumLength(WebhookOptions.MaxDescriptionLength)
            .WithMessage($"description must be at most {WebhookOptions.MaxDescriptionLength} characters").OverridePropertyName("description");
        RuleFor(c => c.Secret).Must(s => s.Length == 0 || WebhookSignature.KeyOf(s) is not null)
            .WithMessage($"secret must be empty (one is generated) or \"{WebhookSignature.SecretPrefix}\" + base64 of " +
                         $"{WebhookSignature.MinKeyBytes} to {WebhookSignature.MaxKeyBytes} bytes").OverridePropertyName("secret");
        RuleFor(c => c.AfterSequence).GreaterThanOrEqualTo(0).WithMessage("after_sequence must not be negative").OverridePropertyName("after_sequence");
    }

    private static string Shown(string kind) => kind.Length <= 40 ? kind : kind[..40] + "…";
}
