using FluentValidation;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Features.Common;

/// <summary>Validation rules every read shares. Property names are the wire's field names.</summary>
public static class ReadRules
{
    /// <summary>The longest id a read accepts (ids written through the API are shorter: <c>WriteRules.IdMaxLength</c>).</summary>
    public const int IdMaxLength = 200;

    public static void ReadContextRules<T>(this AbstractValidator<T> validator) where T : IReadQuery
    {
        validator.RuleFor(q => q.Read.Language)
            .Must(l => l.Length == 0 || ReadContext.Languages.Contains(l))
            .WithMessage("language must be one of \"en\", \"fr\", \"es\" (or empty for English)")
            .OverridePropertyName("language");
        validator.RuleFor(q => q.Read.AsOf)
            .Must(at => at >= RecordsBegin.Date)
            .WithMessage(_ => RecordsBegin.Message)
            .OverridePropertyName("as_of");
    }

    public static void PageRules<T>(this AbstractValidator<T> validator, Func<T, PageRequest> page, int maxSize)
    {
        validator.RuleFor(q => page(q).Size)
            .InclusiveBetween(0, maxSize)
            .WithMessage($"page_size must be between 0 (default) and {maxSize}")
            .OverridePropertyName("page_size");
        validator.RuleFor(q => page(q).Token)
            .Must(t => PageRequest.TryDecode(t, out _))
            .WithMessage("page_token is not a token this service issued")
            .OverridePropertyName("page_token");
    }

    public static IRuleBuilderOptions<T, string> RequiredId<T>(this IRuleBuilder<T, string> rule, string field) =>
        rule.NotEmpty().WithMessage($"{field} is required").OptionalId(field);

    /// <summary>An id to filter by, empty for none.</summary>
    public static IRuleBuilderOptions<T, string> OptionalId<T>(this IRuleBuilder<T, string> rule, string field) =>
        rule.MaximumLength(IdMaxLength).WithMessage($"{field} is at most {IdMaxLength} characters").OverridePropertyName(field);
}
