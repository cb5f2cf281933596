using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>
/// Brings the directory in line with an interchange document, from the effective date (now): records it lacks are
/// created, records whose in-force attributes differ get a new version. Records the document leaves out are left
/// alone: an import adds and updates, it never retires. All or nothing, in one transaction, one audit event per
/// record; a dry run only reports the difference.
/// </summary>
public sealed record ImportDirectoryCommand(ReadOnlyMemory<byte> Content, bool DryRun, WriteContext Write) : IRequest<ImportOutcome>, IWriteCommand
{
    public string RequiredRole => Roles.Admin;
}

public sealed class ImportOutcome(IReadOnlyList<ImportedChange> changes, int unchanged) : ISequenced
{
    public bool Applied { get; set; }
    public IReadOnlyList<ImportedChange> Changes { get; } = changes;
    public int Unchanged { get; } = unchanged;

    /// <summary>The last change sequence the import produced; 0 if it wrote nothing.</summary>
    public long Sequence { get; set; }
}

public sealed class ImportDirectoryHandler(DirectorySnapshotProvider snapshots, DirectoryWriter writer) : IRequestHandler<ImportDirectoryCommand, ImportOutcome>
{
    public async Task<ImportOutcome> Handle(ImportDirectoryCommand command, CancellationToken cancellationToken)
    {
        // The write gate is held: the snapshot is the state this import will change.
        var plan = ImportPlanner.Plan(command.Content, snapshots.Current, command.Write.EffectiveFrom);
        var outcome = new ImportOutcome(plan.Changes, plan.Unchanged);
        if (command.DryRun)
            return outcome;
        outcome.Applied = true;
        if (outcome.Changes.Count == 0)
            return outcome;
        return await writer.ExecuteAsync(command.Write, async session =>
        {
            await plan.ApplyAsync(session, cancellationToken);
            return outcome;
        }, cancellationToken);
    }
}
