using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Domain;
namespace IomDirectory.Server.Routing.Internal;

/// <summary>
/// What changed in the units' stems since a base <see cref="StemIndex"/> was built: the base units whose postings no
/// longer count (changed or retired: a bitmap), and the changed and new units' own postings, documents numbered as the
/// base numbers units (a new unit after the base's last). Like a small Lucene segment with its deletes. Document
/// frequencies are the base's, less the masked units', plus the delta's; a stem no base unit has is numbered after
/// the base's stems.
/// </summary>
internal sealed class StemDelta
{
    private readonly StemIndex _base;
    private readonly int[] _combinedOfLocal;
    private readonly Dictionary<int, int> _localOfCombined = [];
    private readonly Dictionary<int, int> _maskedCounts = [];
    private readonly Dictionary<int, int> _localOfUnit = [];

    /// <param name="units">The changed and new units with their numbers, by increasing number.</param>
    /// <param name="masked">The base units whose base postings no longer count, with the records the base indexed.</param>
    public StemDelta(StemIndex @base, Lexicon lexicon, IReadOnlyList<(int Number, UnitRecord Unit)> units,
        IReadOnlyList<(int Number, UnitRecord Unit)> masked)
    {
        _base = @base;
        Masked = new ulong[masked.Count == 0 ? 0 : (masked.Max(m => m.Number) >> 6) + 1];
        foreach (var (number, _) in masked) Masked[number >> 6] |= 1UL << number;

        // The masked units' stems as the base indexed them: each such unit counts once less in each of its stems.
        var old = StemIndex.Build(new UnitWords([.. masked.Select(m => m.Unit)]), lexicon);
        foreach (var (stem, local) in old.Ids)
            if (old.Postings.CountOf(local) > 0) _maskedCounts[@base.Ids[stem]] = old.Postings.CountOf(local);

        var index = StemIndex.Build(new UnitWords([.. units.Select(u => u.Unit)]), lexicon, [.. units.Select(u => u.Number)]);
        _combinedOfLocal = new int[index.Ids.Count];
        foreach (var (stem, local) in index.Ids)
        {
            if (!@base.Ids.TryGetValue(stem, out var combined))
                NewStems[stem] = combined = @base.Postings.Terms.Count + NewStems.Count;
            _combinedOfLocal[local] = combined;
            _localOfCombined[combined] = local;
        }
        Index = index.WithPhraseStems(_combinedOfLocal);
        for (var i = 0; i < units.Count; i++) _localOfUnit[units[i].Number] = i;
    }

    /// <summary>A bit per base unit number: set when its base postings no longer count.</summary>
    public ulong[] Masked { get; }

    /// <summary>The changed and new units' postings: documents are unit numbers, terms local (<see cref="LocalOf"/>).</summary>
    public StemIndex Index { get; }

    /// <summary>The stems no base unit has, numbered after the base's.</summary>
    public Dictionary<string, int> NewStems { get; } = new(StringComparer.Ordinal);

    /// <summary>How many units the delta holds postings for.</summary>
    public int Units => _localOfUnit.Count;

    /// <summary>The stem's term in <see cref="Index"/>, or -1.</summary>
    public int LocalOf(int stem) => _localOfCombined.GetValueOrDefault(stem, -1);

    /// <summary>How many units have the stem now: the base's less the masked ones, plus the delta's.</summary>
    public int CountOf(int stem)
    {
        var count = stem < _base.Postings.Terms.Count ? _base.Postings.CountOf(stem) - _maskedCounts.GetValueOrDefault(stem) : 0;
        return LocalOf(stem) is var local and >= 0 ? count + Index.Postings.CountOf(local) : count;
    }

    /// <summary>Whether the unit's base postings no longer count.</summary>
    public bool IsMasked(int unit) => unit >> 6 < Masked.Length && (Masked[unit >> 6] & (1UL << unit)) != 0;

    /// <summary>The unit's place in <see cref="Index"/> when the delta holds it.</summary>
    public bool TryLocal(int unit, out int local) => _localOfUnit.TryGetValue(unit, out local);
}
