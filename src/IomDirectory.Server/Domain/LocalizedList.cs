namespace IomDirectory.Server.Domain;

/// <summary>Short phrases per language (responsibilities, topics), as the sources give them.</summary>
public sealed record LocalizedList(IReadOnlyList<string> En, IReadOnlyList<string> Fr, IReadOnlyList<string> Es)
{
    public static readonly LocalizedList Empty = new([], [], []);

    public bool IsEmpty => En.Count == 0 && Fr.Count == 0 && Es.Count == 0;

    public IEnumerable<(string Language, string Text)> All() =>
        En.Select(t => ("en", t)).Concat(Fr.Select(t => ("fr", t))).Concat(Es.Select(t => ("es", t)));

    /// <summary>The phrases in <paramref name="language"/> if any, else every phrase the record has.</summary>
    public IReadOnlyList<string> In(string language)
    {
        var preferred = language switch { "fr" => Fr, "es" => Es, _ => En };
        return preferred.Count > 0 ? preferred : All().Select(p => p.Text).ToList();
    }

    public bool Equals(LocalizedList? other) =>
        other is not null && En.SequenceEqual(other.En) && Fr.SequenceEqual(other.Fr) && Es.SequenceEqual(other.Es);

    public override int GetHashCode() => HashCode.Combine(En.Count, Fr.Count, Es.Count);
}
