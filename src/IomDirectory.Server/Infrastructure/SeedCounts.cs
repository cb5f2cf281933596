using IomDirectory.Server.Seeding;
using IomDirectory.Server.Domain;
using System.Data.Common;

namespace IomDirectory.Server.Infrastructure;

/// <summary>How many records (distinct ids) of each kind a data set or database holds, for the start-up log.</summary>
public sealed record SeedCounts(int Offices, int Units, int Mailboxes, int FocalPoints, int Committees, int Countries, int Coverage)
{
    public static SeedCounts FromDataSet(DataSet d) => new(
        Distinct(d.Offices.Select(o => o.Record.Id)), Distinct(d.Units.Select(u => u.Record.Id)),
        Distinct(d.Mailboxes.Select(m => m.Record.Id)), Distinct(d.FocalPoints.Select(f => f.Record.Id)),
        Distinct(d.Committees.Select(c => c.Record.Id)), d.Countries.Count, Distinct(d.Coverage.Select(c => c.Record.Id)));

    /// <summary>Counted in plain SQL through the model's mapping: compiling seven LINQ queries cost more than running them.</summary>
    public static SeedCounts FromDatabase(DirectoryDbContext db, DbConnection connection)
    {
        int Ids<T>() where T : VersionedRecord => (int)EntityTable<T>.Of(db).CountDistinct(connection, nameof(VersionedRecord.Id));
        return new SeedCounts(Ids<OfficeRecord>(), Ids<UnitRecord>(), Ids<MailboxRecord>(), Ids<FocalPointRecord>(), Ids<CommitteeRecord>(),
            (int)EntityTable<Country>.Of(db).CountDistinct(connection, nameof(Country.Code)), Ids<CoverageRecord>());
    }

    public override string ToString() =>
        $"{Offices} offices, {Units} units, {Mailboxes} mailboxes, {FocalPoints} focal points, {Committees} committees, {Countries} countries, {Coverage} coverage records";

    private static int Distinct(IEnumerable<string> ids) => ids.Distinct(StringComparer.Ordinal).Count();
}
