using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Offices;

/// <summary>Retires an office from the effective date, once nothing active depends on it.</summary>
public sealed record RetireOfficeCommand(string Id, long ExpectedVersion, WriteContext Write) : IRequest<RetireOutcome>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class RetireOfficeHandler(DirectoryWriter writer, AdminView admin) : IRequestHandler<RetireOfficeCommand, RetireOutcome>
{
    public Task<RetireOutcome> Handle(RetireOfficeCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, async session =>
        {
            var (versions, inForce) = await session.ExistingAsync<OfficeRecord>("Office", command.Id, command.ExpectedVersion, cancellationToken);
            var view = admin.At(command.Write);
            var dependants = view.Offices.Values.Where(o => o.ParentId == command.Id).Select(o => $"office {o.Id}")
                .Concat(view.Units.Values.Where(u => u.OfficeId == command.Id).Select(u => $"unit {u.Id}"))
                .Concat(view.FocalPoints.Where(f => f.OfficeId == command.Id).Select(f => $"focal point {f.Id}"))
                .Concat(view.Coverage.Values.Where(c => c.RegionalOfficeId == command.Id || c.SubRegionalOfficeId == command.Id).Select(c => $"coverage of {c.Country}"))
                .ToList();
            if (dependants.Count > 0)
                throw new PreconditionFailedException(
                    $"Office '{command.Id}' still has {dependants.Count} active dependant(s): {string.Join(", ", dependants.Take(10))}{(dependants.Count > 10 ? ", …" : "")}; move or retire them first.");
            session.Retire("office", versions, inForce);
            var outcome = new RetireOutcome();
            outcome.Retired.Add(command.Id);
            return outcome;
        }, cancellationToken);
}
