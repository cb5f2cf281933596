using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Coverage;

/// <summary>
/// Sets the countries a regional or sub-regional office covers from the effective date. Countries it stops
/// covering lose their sub-regional office; a country cannot be left without a regional office.
/// </summary>
public sealed record SetCoverageCommand(string OfficeId, IReadOnlyList<string> Countries, WriteContext Write)
    : IRequest<SetCoverageOutcome>, IWriteCommand
{
    public string RequiredRole => Roles.Admin;
}

public sealed class SetCoverageOutcome(IReadOnlyList<string> changedCountries) : ISequenced
{
    public IReadOnlyList<string> ChangedCountries { get; } = changedCountries;
    public long Sequence { get; set; }
}

public sealed class SetCoverageHandler(DirectoryWriter writer, AdminView admin) : IRequestHandler<SetCoverageCommand, SetCoverageOutcome>
{
    public Task<SetCoverageOutcome> Handle(SetCoverageCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, async session =>
        {
            var view = admin.At(command.Write);
            var office = view.Offices[command.OfficeId];
            var regional = office.Type == OfficeType.RegionalOffice;
            var wanted = command.Countries.Select(c => c.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            var current = view.Coverage.Values.Where(c => (regional ? c.RegionalOfficeId : c.SubRegionalOfficeId) == office.Id)
                .Select(c => c.Country).ToHashSet(StringComparer.Ordinal);
            var dropped = current.Except(wanted).Order(StringComparer.Ordinal).ToList();
            if (regional && dropped.Count > 0)
                throw new PreconditionFailedException(
                    $"{string.Join(", ", dropped)} would be left without a regional office; give them to another regional office first.");

            var changed = new List<string>();
            foreach (var country in wanted.Except(current).Concat(dropped).Order(StringComparer.Ordinal))
            {
                var keep = wanted.Contains(country);
                var record = view.Coverage.GetValueOrDefault(country);
                if (record is null)
                {
                    if (!regional)
                        throw new PreconditionFailedException($"{country} has no regional office yet; set its regional office before its sub-regional office.");
                    session.Create("coverage", new CoverageRecord { Id = "cov-" + country.ToLowerInvariant(), Country = country, RegionalOfficeId = office.Id });
                }
                else
                {
                    var (versions, inForce) = await session.ExistingAsync<CoverageRecord>("Coverage", record.Id, null, cancellationToken);
                    session.Change("coverage.set", "coverage", versions, inForce, c =>
                    {
                        if (regional) c.RegionalOfficeId = office.Id;
                        else c.SubRegionalOfficeId = keep ? office.Id : null;
                    });
                }
                changed.Add(country);
            }
            return new SetCoverageOutcome(changed);
        }, cancellationToken);
}
