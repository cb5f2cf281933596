using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.History;

/// <summary>
/// Every version of a unit, office, mailbox or focal point, oldest first, each with its validity, its source document
/// (for an admin's version also the document it was derived from and who changed it, when and why) and which fields
/// changed from the version before. <see cref="Kind"/> is the JSON routes' collection name.
/// </summary>
public sealed record GetRecordHistoryQuery(string Kind, string Id, ReadContext Read)
    : IRequest<InView<IReadOnlyList<HistoryEntry>>>, IReadQuery
{
    public const string Units = "units";
    public const string Offices = "offices";
    public const string Mailboxes = "mailboxes";
    public const string FocalPoints = "focal-points";

    public static readonly string[] Kinds = [Units, Offices, Mailboxes, FocalPoints];
}

/// <summary>A version and what changed from the one before it (for the first: every field it sets).</summary>
public sealed record HistoryEntry(VersionedRecord Version, IReadOnlyList<FieldChange> Changes);

public sealed class GetRecordHistoryHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<GetRecordHistoryQuery, InView<IReadOnlyList<HistoryEntry>>>
{
    public Task<InView<IReadOnlyList<HistoryEntry>>> Handle(GetRecordHistoryQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        var snapshot = view.Snapshot;
        (string Entity, IEnumerable<VersionedRecord> Versions) record = query.Kind switch
        {
            GetRecordHistoryQuery.Units => ("Unit", snapshot.Units.History(query.Id)),
            GetRecordHistoryQuery.Offices => ("Office", snapshot.Offices.History(query.Id)),
            GetRecordHistoryQuery.Mailboxes => ("Mailbox", snapshot.Mailboxes.History(query.Id)),
            _ => ("Focal point", snapshot.FocalPoints.History(query.Id)),
        };
        var (entity, versions) = record;
        var ordered = versions.OrderBy(v => v.ValidFrom ?? DateTime.MinValue).ToList();
        if (ordered.Count == 0)
            throw new NotFoundException(entity, query.Id);
        var entries = ordered.Select((v, i) => new HistoryEntry(v, FieldChanges.Between(i == 0 ? null : ordered[i - 1], v))).ToList();
        return Task.FromResult(new InView<IReadOnlyList<HistoryEntry>>(entries, view));
    }
}
