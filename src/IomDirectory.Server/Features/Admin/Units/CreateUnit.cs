using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Units;

public sealed record CreateUnitCommand(string Id, UnitFields Unit, WriteContext Write) : IRequest<UnitRecord>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class CreateUnitHandler(DirectoryWriter writer) : IRequestHandler<CreateUnitCommand, UnitRecord>
{
    public Task<UnitRecord> Handle(CreateUnitCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, session =>
        {
            var unit = new UnitRecord
            {
                Id = command.Id,
                Kind = command.Unit.Kind,
                Acronym = Blank(command.Unit.Acronym),
                Name = command.Unit.Name,
                ParentId = Blank(command.Unit.ParentId),
                OfficeId = command.Unit.OfficeId.Length > 0 ? command.Unit.OfficeId : Seeding.RecordMappers.HeadquartersOfficeId,
                Description = command.Unit.Description,
                Responsibilities = command.Unit.Responsibilities,
                Channels = command.Unit.Channels.Apply(ContactChannels.None, FieldMask.All),
            };
            session.Create("unit", unit);
            return Task.FromResult(unit);
        }, cancellationToken);

    internal static string? Blank(string value) => value.Trim().Length == 0 ? null : value.Trim();
}
