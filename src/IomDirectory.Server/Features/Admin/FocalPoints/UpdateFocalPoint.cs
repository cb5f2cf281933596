using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.FocalPoints;

public sealed record UpdateFocalPointCommand(string Id, long ExpectedVersion, FocalPointFields FocalPoint, FieldMask Mask, WriteContext Write)
    : IRequest<FocalPointRecord>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class UpdateFocalPointHandler(DirectoryWriter writer) : IRequestHandler<UpdateFocalPointCommand, FocalPointRecord>
{
    public Task<FocalPointRecord> Handle(UpdateFocalPointCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, async session =>
        {
            var (versions, inForce) = await session.ExistingAsync<FocalPointRecord>("Focal point", command.Id, command.ExpectedVersion, cancellationToken);
            var (mask, given) = (command.Mask, command.FocalPoint);
            return session.Change("focal_point.update", "focal_point", versions, inForce, f =>
            {
                f.RoleTitle = mask.Apply("role_title", f.RoleTitle, given.RoleTitle);
                if (mask.Sets("office_id")) f.OfficeId = given.OfficeId;
                if (mask.Sets("unit_id")) f.UnitId = given.UnitId;
                if (mask.Sets("person_name")) f.Person = given.Person.Trim().Length > 0 ? given.Person.Trim() : null;
                if (mask.Sets("email")) f.Email = given.Email.Trim().Length > 0 ? given.Email.Trim() : null;
                f.Description = mask.Apply("description", f.Description, given.Description);
                if (mask.Sets("person_title")) f.PersonTitle = given.PersonTitle.Trim().Length > 0 ? given.PersonTitle.Trim() : null;
                f.Channels = given.Channels.Apply(f.Channels, mask);
            });
        }, cancellationToken);
}
