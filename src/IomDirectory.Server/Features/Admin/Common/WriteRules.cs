using FluentValidation;

using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>Validation every write shares, with its limits written once. Property names are the wire's field paths.</summary>
public static class WriteRules
{
    public static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Latest = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>What a new id looks like: lower-case kebab-case.</summary>
    public const string IdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public const int IdMaxLength = 100;

    /// <summary>Why a write is made (a ticket reference, a decision): the audit trail keeps it.</summary>
    public const int ReasonMaxLength = 1000;

    public static void WriteContextRules<T>(this AbstractValidator<T> validator, string prefix = "write.") where T : IWriteCommand
    {
        validator.RuleFor(c => c.Write.Reason)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("a reason is required (for example a ticket reference)")
            .MaximumLength(ReasonMaxLength).WithMessage($"reason is at most {ReasonMaxLength} characters")
            .OverridePropertyName(prefix + "reason");
        validator.RuleFor(c => c.Write.EffectiveFrom)
            .InclusiveBetween(Earliest, Latest).WithMessage($"effective_from must be between {Earliest.Year} and {Latest.Year}")
            .OverridePropertyName(prefix + "effective_from");
    }

    public static void NewIdRules<T>(this AbstractValidator<T> validator, Func<T, string> id) =>
        validator.RuleFor(c => id(c))
            .NotEmpty().WithMessage("id is required")
            .MaximumLength(IdMaxLength).WithMessage($"id is at most {IdMaxLength} characters")
            .Matches(IdPattern).WithMessage("id must be lower-case kebab-case (letters, digits, hyphens)")
            .OverridePropertyName("id");

    public static void ExpectedVersionRule<T>(this AbstractValidator<T> validator, Func<T, long> version) =>
        validator.RuleFor(c => version(c))
            .GreaterThan(0).WithMessage("expected_version is required: the version you read")
            .OverridePropertyName("expected_version");

    /// <summary>" (from YYYY-MM-DD)" when the clashing version starts after the write's effective date, else nothing.</summary>
    public static string FromWhen(Domain.VersionedRecord clash, Snapshots.DirectoryView view) =>
        clash.ValidFrom is { } from && from > view.Instant ? $" (from {from:yyyy-MM-dd HH:mm:ss}Z)" : "";

    public static IRuleBuilderOptions<T, string> Name<T>(this IRuleBuilder<T, string> rule, string field, bool required) =>
        rule.Must(n => !required || !string.IsNullOrWhiteSpace(n)).WithMessage($"{field} must not be empty")
            .MaximumLength(RecordLimits.Name).WithMessage($"{field} is at most {RecordLimits.Name} characters")
            .OverridePropertyName(field);
}
