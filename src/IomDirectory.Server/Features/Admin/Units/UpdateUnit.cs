using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Units;

public sealed record UpdateUnitCommand(string Id, long ExpectedVersion, UnitFields Unit, FieldMask Mask, WriteContext Write)
    : IRequest<UnitRecord>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class UpdateUnitHandler(DirectoryWriter writer) : IRequestHandler<UpdateUnitCommand, UnitRecord>
{
    public Task<UnitRecord> Handle(UpdateUnitCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, async session =>
        {
            var (versions, inForce) = await session.ExistingAsync<UnitRecord>("Unit", command.Id, command.ExpectedVersion, cancellationToken);
            var (mask, given) = (command.Mask, command.Unit);
            return session.Change("unit.update", "unit", versions, inForce, u =>
            {
                if (mask.Sets("kind")) u.Kind = given.Kind;
                if (mask.Sets("acronym")) u.Acronym = CreateUnitHandler.Blank(given.Acronym);
                u.Name = mask.Apply("name", u.Name, given.Name);
                if (mask.Sets("office_id") && given.OfficeId.Length > 0) u.OfficeId = given.OfficeId;
                u.Description = mask.Apply("description", u.Description, given.Description);
                u.Channels = given.Channels.Apply(u.Channels, mask);
                u.Responsibilities = new LocalizedList(
                    mask.Sets("responsibilities_en") ? given.Responsibilities.En : u.Responsibilities.En,
                    mask.Sets("responsibilities_fr") ? given.Responsibilities.Fr : u.Responsibilities.Fr,
                    mask.Sets("responsibilities_es") ? given.Responsibilities.Es : u.Responsibilities.Es);
            });
        }, cancellationToken);
}
