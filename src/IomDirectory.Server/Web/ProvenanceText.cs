using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Web;

/// <summary>
/// What a person reads about where a version comes from, on the record pages and in their history: the source
/// document the content comes from (for an admin's version, the one it was derived from) and, for an admin's
/// version, who changed it, when and why.
/// </summary>
public static class ProvenanceText
{
    public static string Source(WebContext web, DirectoryView view, VersionedRecord version)
    {
        if (version.OriginalSource is not { } id)
            return web.T("provenance.created");
        var source = view.Snapshot.Source(id);
        var title = source is null ? id : source.Title.Length > 0 ? source.Title : source.Id;
        return source?.Date is { } date
            ? web.T("provenance.label", ("title", title), ("date", web.Date(date)))
            : web.T("provenance.undated", ("title", title));
    }

    /// <summary>"Changed by … on …: why", or null for a version a source gives directly.</summary>
    public static string? Change(WebContext web, VersionedRecord version) =>
        version.ChangedBy is { } who && version.ChangedAt is { } at
            ? web.T("provenance.changed", ("who", who), ("date", web.Date(at)), ("why", version.ChangeReason ?? ""))
            : null;
}
