using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Units;

/// <summary>What becomes of what a retired unit still holds; without a choice, active dependants block the retirement.</summary>
public sealed record RetireUnitOptions(string MoveChildrenTo, bool RetireChildren, string MoveMailboxesTo, bool RetireMailboxes, bool RetireFocalPoints);

public sealed record RetireUnitCommand(string Id, long ExpectedVersion, RetireUnitOptions Options, WriteContext Write)
    : IRequest<RetireOutcome>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class RetireUnitHandler(DirectoryWriter writer, AdminView admin) : IRequestHandler<RetireUnitCommand, RetireOutcome>
{
    public Task<RetireOutcome> Handle(RetireUnitCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, async session =>
        {
            var (versions, inForce) = await session.ExistingAsync<UnitRecord>("Unit", command.Id, command.ExpectedVersion, cancellationToken);
            var view = admin.At(command.Write);
            var options = command.Options;
            var retiring = options.RetireChildren ? Subtree(view, command.Id) : [command.Id];
            var children = retiring.SelectMany(view.ChildrenOf).Where(c => !retiring.Contains(c.Id)).ToList();
            var mailboxes = view.Mailboxes.Where(m => retiring.Contains(m.OwnerId)).ToList();
            var focalPoints = view.FocalPoints.Where(f => retiring.Contains(f.UnitId)).ToList();
            var blockers = new List<string>();
            Require(blockers, children.Count == 0 || options.MoveChildrenTo.Length > 0, "active child units", children.Select(c => c.Id), "move_children_to or retire_children");
            Require(blockers, mailboxes.Count == 0 || options.MoveMailboxesTo.Length > 0 || options.RetireMailboxes, "active mailboxes", mailboxes.Select(m => m.Address), "move_mailboxes_to or retire_mailboxes");
            Require(blockers, focalPoints.Count == 0 || options.RetireFocalPoints, "active focal points", focalPoints.Select(f => f.Id), "retire_focal_points");
            if (blockers.Count > 0)
                throw new PreconditionFailedException($"Unit '{command.Id}' cannot be retired yet: {string.Join("; ", blockers)}.");

            var outcome = new RetireOutcome();
            foreach (var child in children)
                await MoveAsync<UnitRecord>(session, "Unit", "unit", child.Id, u => u.ParentId = options.MoveChildrenTo, outcome, cancellationToken);
            foreach (var mailbox in mailboxes)
            {
                if (options.MoveMailboxesTo.Length > 0)
                    await MoveAsync<MailboxRecord>(session, "Mailbox", "mailbox", mailbox.Id, m => m.OwnerId = options.MoveMailboxesTo, outcome, cancellationToken);
                else
                    await RetireAsync<MailboxRecord>(session, "Mailbox", "mailbox", mailbox.Id, outcome, cancellationToken);
            }
            foreach (var focalPoint in focalPoints)
                await RetireAsync<FocalPointRecord>(session, "Focal point", "focal_point", focalPoint.Id, outcome, cancellationToken);
            foreach (var id in retiring.Where(id => id != command.Id))
                await RetireAsync<UnitRecord>(session, "Unit", "unit", id, outcome, cancellationToken);
            session.Retire("unit", versions, inForce);
            outcome.Retired.Add(command.Id);
            return outcome;
        }, cancellationToken);

    private static HashSet<string> Subtree(Snapshots.DirectoryView view, string id)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([id]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!ids.Add(current)) continue;
            foreach (var child in view.ChildrenOf(current)) stack.Push(child.Id);
        }
        return ids;
    }

    private static void Require(List<string> blockers, bool ok, string what, IEnumerable<string> ids, string option)
    {
        if (!ok)
            blockers.Add($"it still has {what} ({string.Join(", ", ids)}), say what becomes of them with {option}");
    }

    private static async Task MoveAsync<T>(WriteSession session, string entity, string kind, string id, Action<T> move, RetireOutcome outcome, CancellationToken ct)
        where T : VersionedRecord
    {
        var (versions, inForce) = await session.ExistingAsync<T>(entity, id, null, ct);
        session.Change($"{kind}.move", kind, versions, inForce, move);
        outcome.Moved.Add(id);
    }

    private static async Task RetireAsync<T>(WriteSession session, string entity, string kind, string id, RetireOutcome outcome, CancellationToken ct)
        where T : VersionedRecord
    {
        var (versions, inForce) = await session.ExistingAsync<T>(entity, id, null, ct);
        session.Retire(kind, versions, inForce);
        outcome.Retired.Add(id);
    }
}
