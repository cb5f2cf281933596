using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>
/// Which fields an update sets: the paths of its field mask ("name" covers "name.en"; "name.fr" sets only the
/// French). An empty mask sets every field the update carries.
/// </summary>
public sealed class FieldMask(IReadOnlyCollection<string> paths)
{
    public static readonly FieldMask All = new([]);

    public IReadOnlyCollection<string> Paths { get; } = paths;

    public bool Sets(string field) =>
        Paths.Count == 0 || Paths.Any(p => p == field || p.StartsWith(field + ".", StringComparison.Ordinal));

    public LocalizedText Apply(string field, LocalizedText current, LocalizedText given)
    {
        if (Paths.Count == 0 || Paths.Contains(field)) return given;
        return new LocalizedText(
            Paths.Contains(field + ".en") ? given.En : current.En,
            Paths.Contains(field + ".fr") ? given.Fr : current.Fr,
            Paths.Contains(field + ".es") ? given.Es : current.Es);
    }

    public IEnumerable<string> Unknown(IReadOnlySet<string> known) =>
        Paths.Where(p => !known.Contains(p) && !known.Contains(p.Split('.')[0]));
}
