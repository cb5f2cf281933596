using IomDirectory.Server.Domain;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Units;

/// <summary>Moves a unit (with its subtree) under another parent from the effective date.</summary>
public sealed record MoveUnitCommand(string Id, long ExpectedVersion, string NewParentId, WriteContext Write) : IRequest<UnitRecord>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class MoveUnitHandler(DirectoryWriter writer) : IRequestHandler<MoveUnitCommand, UnitRecord>
{
    public Task<UnitRecord> Handle(MoveUnitCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, async session =>
        {
            var (versions, inForce) = await session.ExistingAsync<UnitRecord>("Unit", command.Id, command.ExpectedVersion, cancellationToken);
            return session.Change("unit.move", "unit", versions, inForce, u => u.ParentId = CreateUnitHandler.Blank(command.NewParentId));
        }, cancellationToken);
}
