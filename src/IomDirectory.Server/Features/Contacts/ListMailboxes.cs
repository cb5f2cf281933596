using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Features.Units;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Contacts;

public sealed record ListMailboxesQuery(string UnitId, PageRequest Page, ReadContext Read)
    : IRequest<InView<Paged<MailboxRecord>>>, IReadQuery;

public sealed class ListMailboxesHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<ListMailboxesQuery, InView<Paged<MailboxRecord>>>
{
    public Task<InView<Paged<MailboxRecord>>> Handle(ListMailboxesQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        IEnumerable<MailboxRecord> mailboxes = view.Mailboxes;
        if (query.UnitId.Length > 0)
        {
            var owner = GetUnitHandler.Find(view, query.UnitId, query.Read);
            mailboxes = mailboxes.Where(m => m.OwnerId == owner.Id);
        }
        return Task.FromResult(new InView<Paged<MailboxRecord>>(query.Page.Apply(mailboxes.ToList(), 50), view));
    }
}
