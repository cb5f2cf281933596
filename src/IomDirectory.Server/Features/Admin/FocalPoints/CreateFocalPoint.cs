using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.FocalPoints;

public sealed record CreateFocalPointCommand(string Id, FocalPointFields FocalPoint, WriteContext Write) : IRequest<FocalPointRecord>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class CreateFocalPointHandler(DirectoryWriter writer) : IRequestHandler<CreateFocalPointCommand, FocalPointRecord>
{
    public Task<FocalPointRecord> Handle(CreateFocalPointCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, session =>
        {
            var f = command.FocalPoint;
            var record = new FocalPointRecord
            {
                Id = command.Id,
                RoleTitle = f.RoleTitle,
                OfficeId = f.OfficeId,
                UnitId = f.UnitId,
                Person = f.Person.Trim().Length > 0 ? f.Person.Trim() : null,
                Email = f.Email.Trim().Length > 0 ? f.Email.Trim() : null,
                Description = f.Description,
                PersonTitle = f.PersonTitle.Trim().Length > 0 ? f.PersonTitle.Trim() : null,
                Channels = f.Channels.Apply(ContactChannels.None, FieldMask.All),
            };
            session.Create("focal_point", record);
            return Task.FromResult(record);
        }, cancellationToken);
}
