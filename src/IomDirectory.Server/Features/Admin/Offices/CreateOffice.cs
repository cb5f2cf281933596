using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Offices;

public sealed record CreateOfficeCommand(string Id, OfficeFields Office, WriteContext Write) : IRequest<OfficeRecord>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class CreateOfficeHandler(DirectoryWriter writer) : IRequestHandler<CreateOfficeCommand, OfficeRecord>
{
    public Task<OfficeRecord> Handle(CreateOfficeCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, session =>
        {
            var office = new OfficeRecord
            {
                Id = command.Id,
                Type = command.Office.Type,
                Name = command.Office.Name,
                City = command.Office.City,
                Country = command.Office.Country.Trim().ToUpperInvariant(),
                ParentId = command.Office.ParentId.Length > 0 ? command.Office.ParentId : null,
                Description = command.Office.Description,
                Channels = command.Office.Channels.Apply(ContactChannels.None, FieldMask.All),
            };
            session.Create("office", office);
            return Task.FromResult(office);
        }, cancellationToken);
}
