using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Offices;

public sealed record UpdateOfficeCommand(string Id, long ExpectedVersion, OfficeFields Office, FieldMask Mask, WriteContext Write)
    : IRequest<OfficeRecord>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class UpdateOfficeHandler(DirectoryWriter writer) : IRequestHandler<UpdateOfficeCommand, OfficeRecord>
{
    public Task<OfficeRecord> Handle(UpdateOfficeCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, async session =>
        {
            var (versions, inForce) = await session.ExistingAsync<OfficeRecord>("Office", command.Id, command.ExpectedVersion, cancellationToken);
            var (mask, given) = (command.Mask, command.Office);
            return session.Change("office.update", "office", versions, inForce, o =>
            {
                if (mask.Sets("type")) o.Type = given.Type;
                o.Name = mask.Apply("name", o.Name, given.Name);
                o.City = mask.Apply("city", o.City, given.City);
                if (mask.Sets("country_code")) o.Country = given.Country.Trim().ToUpperInvariant();
                if (mask.Sets("parent_office_id")) o.ParentId = given.ParentId.Length > 0 ? given.ParentId : null;
                o.Description = mask.Apply("description", o.Description, given.Description);
                o.Channels = given.Channels.Apply(o.Channels, mask);
            });
        }, cancellationToken);
}
