using IomDirectory.Server.Domain;

namespace IomDirectory.Server.ReadModel;

/// <summary>One searchable record of a view: its kind, id, and the record itself.</summary>
public sealed record SearchDocument(string Kind, string Id, object Record)
{
    /// <summary>
    /// The fields of a unit, by <see cref="UnitWords.Field"/>: units are indexed from the view's
    /// <see cref="UnitWords"/>, between the offices and the other records.
    /// </summary>
    public static readonly (string Field, double Weight)[] UnitFields = [("name", 3), ("acronym", 5), ("responsibilities", 1.5), ("description", 1)];

    /// <summary>Offices, the first documents.</summary>
    public static IEnumerable<(SearchDocument Document, string Field, double Weight, string Text)> OfficeFields(DirectoryView view)
    {
        foreach (var o in view.Offices.Values)
        {
            var d = new SearchDocument("office", o.Id, o);
            foreach (var t in o.Name.All()) yield return (d, "name", 3, t);
            foreach (var t in o.City.All()) yield return (d, "city", 2.5, t);
            foreach (var (_, t) in o.Aliases.All()) yield return (d, "alias", 2.5, t);
            foreach (var t in o.Description.All()) yield return (d, "description", 1, t);
            foreach (var (_, t) in o.Responsibilities.All()) yield return (d, "responsibilities", 1.5, t);
            foreach (var f in view.Functions[o.Id])
            foreach (var t in f.Subregion.All().Concat(f.Description.All()))
                yield return (d, "functions", 1.5, t);
        }
    }

    /// <summary>Mailboxes, focal points and committees, after the units.</summary>
    public static IEnumerable<(SearchDocument Document, string Field, double Weight, string Text)> OtherFields(DirectoryView view)
    {
        foreach (var m in view.Mailboxes)
        {
            var d = new SearchDocument("mailbox", m.Id, m);
            yield return (d, "address", 4, m.Address.Replace('@', ' ').Replace('.', ' '));
            foreach (var t in m.Purpose.All()) yield return (d, "purpose", 2, t);
        }
        foreach (var f in view.FocalPoints)
        {
            var d = new SearchDocument("focal_point", f.Id, f);
            foreach (var t in f.RoleTitle.All()) yield return (d, "role_title", 3, t);
            if (view.Offices.GetValueOrDefault(f.OfficeId) is { } office)
                foreach (var t in office.City.All()) yield return (d, "office", 1.5, t);
            foreach (var t in f.Description.All()) yield return (d, "description", 1, t);
        }
        foreach (var c in view.Committees)
        {
            var d = new SearchDocument("committee", c.Id, c);
            if (!string.IsNullOrEmpty(c.Acronym)) yield return (d, "acronym", 5, c.Acronym);
            foreach (var t in c.Name.All()) yield return (d, "name", 3, t);
            foreach (var t in c.Description.All().Concat(c.Composition.All())) yield return (d, "description", 1, t);
        }
    }
}
