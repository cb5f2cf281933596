using FluentValidation;

namespace IomDirectory.Server.Features.Common;

/// <summary>
/// Caps on the repeated fields of requests. A list over its cap is one error naming the field and the cap, and its
/// elements are then not checked one by one: otherwise a small request of many bad values (400k "kinds" in 3.6 MB)
/// costs seconds of CPU and a gigabyte of error messages.
/// </summary>
public static class ListRules
{
    public const int MaxKinds = 16;
    public const int MaxCountries = 300;
    public const int MaxMaskPaths = 32;
    public const int MaxResponsibilities = 100;
    public const int MaxResponsibilityLength = 1000;

    /// <summary>Whether a list is within its cap, so that per-element rules may run.</summary>
    public static bool Within<TItem>(IReadOnlyCollection<TItem>? list, int limit) => list is null || list.Count <= limit;

    /// <summary>The rule "at most <paramref name="limit"/> values" on <paramref name="field"/>.</summary>
    public static void MaxItems<T, TItem>(this AbstractValidator<T> validator, Func<T, IReadOnlyCollection<TItem>?> list, string field, int limit) =>
        validator.RuleFor(x => list(x))
            .Must(l => Within(l, limit))
            .WithMessage(x => $"{field} has {list(x)!.Count} values; at most {limit} are allowed")
            .OverridePropertyName(field);

    /// <summary>Checks a list's size, then (only if within it) each element, reporting through <paramref name="fail"/>.</summary>
    public static bool CheckSize<TItem>(IReadOnlyCollection<TItem>? list, string field, int limit, Action<string, string> fail)
    {
        if (Within(list, limit)) return true;
        fail(field, $"{field} has {list!.Count} values; at most {limit} are allowed");
        return false;
    }
}
