using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Search;

/// <summary>
/// Which documents a change of some records can alter, between the view a base was built from and a newer one: a
/// document's text is its record's, but an office's document also reads its functions' texts, and a focal point's the
/// city of its office (<see cref="SearchDocument.Fields"/>). So a changed id names the documents of that id (of
/// every kind: ids are not unique across kinds), the offices its function was at before and after, and, for an
/// office, the focal points it held. A focal point moved to another office is changed itself; one that stayed was in
/// the office in the base's view too, so the base's focal points of an office are all there is to add.
/// </summary>
internal static class DirtyDocuments
{
    /// <summary>The (kind, id) of every document of either view that the changes can have altered, in no order.</summary>
    public static HashSet<(string Kind, string Id)> Of(SearchBase before, DirectoryView after, IReadOnlySet<string> changedIds)
    {
        var keys = new HashSet<(string Kind, string Id)>();
        foreach (var id in changedIds)
        {
            foreach (var kind in SearchDocument.Kinds) keys.Add((kind, id));
            foreach (var focalPoint in before.FocalPointsIn(id)) keys.Add(("focal_point", focalPoint));
            if (before.OfficeOfFunction(id) is { } officeBefore) keys.Add(("office", officeBefore));
            if (after.Snapshot.OfficeFunctions.At(id, after.Instant) is { } function) keys.Add(("office", function.OfficeId));
        }
        return keys;
    }

    /// <summary>The record of that kind and id in force in the view, if any (the object the view holds).</summary>
    public static object? RecordOf(DirectoryView view, string kind, string id) => kind switch
    {
        "office" => view.Offices.GetValueOrDefault(id),
        "unit" => view.Units.GetValueOrDefault(id),
        "mailbox" => view.Snapshot.Mailboxes.At(id, view.Instant),
        "focal_point" => view.Snapshot.FocalPoints.At(id, view.Instant),
        "committee" => view.Snapshot.Committees.At(id, view.Instant),
        _ => null,
    };
}
