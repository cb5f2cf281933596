using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Search;

/// <summary>One searchable record of a view: its kind, id, and the record itself.</summary>
public sealed record SearchDocument(string Kind, string Id, object Record)
{
    /// <summary>
    /// The fields of a unit, by <see cref="UnitWords.Field"/>: units are indexed from the view's
    /// <see cref="UnitWords"/>, between the offices and the other records.
    /// </summary>
    public static readonly (string Field, double Weight)[] UnitFields = [("name", 3), ("acronym", 5), ("responsibilities", 1.5), ("description", 1)];

    /// <summary>
    /// The kinds in the order a full build gathers them, which orders the records of one id (see
    /// <see cref="InIdOrder"/>): offices, units, mailboxes, focal points, committees.
    /// </summary>
    public static readonly IReadOnlyList<string> Kinds = ["office", "unit", "mailbox", "focal_point", "committee"];

    /// <summary>The ranking's tie-break between documents: ordinal id, then the kinds' order for records sharing an id.</summary>
    public static int InIdOrder(SearchDocument a, SearchDocument b) =>
        string.CompareOrdinal(a.Id, b.Id) is var byId and not 0 ? byId : KindOrder(a.Kind).CompareTo(KindOrder(b.Kind));

    internal static int KindOrder(string kind) => kind switch
    {
        "office" => 0, "unit" => 1, "mailbox" => 2, "focal_point" => 3, "committee" => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of search document."),
    };

    /// <summary>Offices, the first documents.</summary>
    public static IEnumerable<(SearchDocument Document, string Field, double Weight, string Text)> OfficeFields(DirectoryView view) =>
        view.Offices.Values.SelectMany(o => Fields(new SearchDocument("office", o.Id, o), view.Offices, view.Functions));

    /// <summary>Mailboxes, focal points and committees, after the units.</summary>
    public static IEnumerable<(SearchDocument Document, string Field, double Weight, string Text)> OtherFields(DirectoryView view) =>
        view.Mailboxes.Select(m => new SearchDocument("mailbox", m.Id, m))
            .Concat(view.FocalPoints.Select(f => new SearchDocument("focal_point", f.Id, f)))
            .Concat(view.Committees.Select(c => new SearchDocument("committee", c.Id, c)))
            .SelectMany(d => Fields(d, view.Offices, view.Functions));

    /// <summary>
    /// The document's texts in the order a full build reads them (which field a term keeps on a tie of weights depends
    /// on it); none for a record without text, which is then no document. Besides its own record, an office's
    /// document reads its functions, a focal point's the city of its office: a view's <paramref name="offices"/>
    /// and <paramref name="functions"/>.
    /// </summary>
    public static IEnumerable<(SearchDocument Document, string Field, double Weight, string Text)> Fields(SearchDocument d,
        IReadOnlyDictionary<string, OfficeRecord> offices, ILookup<string, OfficeFunctionRecord> functions)
    {
        switch (d.Record)
        {
            case OfficeRecord o:
                foreach (var t in o.Name.All()) yield return (d, "name", 3, t);
                foreach (var t in o.City.All()) yield return (d, "city", 2.5, t);
                foreach (var (_, t) in o.Aliases.All()) yield return (d, "alias", 2.5, t);
                foreach (var t in o.Description.All()) yield return (d, "description", 1, t);
                foreach (var (_, t) in o.Responsibilities.All()) yield return (d, "responsibilities", 1.5, t);
                foreach (var f in functions[o.Id])
                foreach (var t in f.Subregion.All().Concat(f.Description.All()))
                    yield return (d, "functions", 1.5, t);
                break;
            case UnitRecord u:
                // As UnitWords reads a unit (a responsibility phrase counts even when empty).
                foreach (var t in u.Name.All()) yield return (d, UnitFields[0].Field, UnitFields[0].Weight, t);
                if (u.Acronym is { Length: > 0 } acronym) yield return (d, UnitFields[1].Field, UnitFields[1].Weight, acronym);
                foreach (var (_, t) in u.Responsibilities.All()) yield return (d, UnitFields[2].Field, UnitFields[2].Weight, t);
                foreach (var t in u.Description.All()) yield return (d, UnitFields[3].Field, UnitFields[3].Weight, t);
                break;
            case MailboxRecord m:
                yield return (d, "address", 4, m.Address.Replace('@', ' ').Replace('.', ' '));
                foreach (var t in m.Purpose.All()) yield return (d, "purpose", 2, t);
                break;
            case FocalPointRecord f:
                foreach (var t in f.RoleTitle.All()) yield return (d, "role_title", 3, t);
                if (offices.GetValueOrDefault(f.OfficeId) is { } office)
                    foreach (var t in office.City.All()) yield return (d, "office", 1.5, t);
                foreach (var t in f.Description.All()) yield return (d, "description", 1, t);
                break;
            case CommitteeRecord c:
                if (!string.IsNullOrEmpty(c.Acronym)) yield return (d, "acronym", 5, c.Acronym);
                foreach (var t in c.Name.All()) yield return (d, "name", 3, t);
                foreach (var t in c.Description.All().Concat(c.Composition.All())) yield return (d, "description", 1, t);
                break;
        }
    }
}
