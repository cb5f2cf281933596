using IomDirectory.Server.Seeding;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Infrastructure;

/// <summary>How many records (distinct ids) of each kind a data set or database holds, for the start-up log.</summary>
public sealed record SeedCounts(int Offices, int Units, int Mailboxes, int FocalPoints, int Committees, int Countries, int Coverage)
{
    public static SeedCounts FromDataSet(DataSet d) => new(
        Distinct(d.Offices.Select(o => o.Record.Id)), Distinct(d.Units.Select(u => u.Record.Id)),
        Distinct(d.Mailboxes.Select(m => m.Record.Id)), Distinct(d.FocalPoints.Select(f => f.Record.Id)),
        Distinct(d.Committees.Select(c => c.Record.Id)), d.Countries.Count, Distinct(d.Coverage.Select(c => c.Record.Id)));

    public static async Task<SeedCounts> FromDatabaseAsync(DirectoryDbContext db, CancellationToken ct) => new(
        await db.Offices.Select(o => o.Id).Distinct().CountAsync(ct), await db.Units.Select(u => u.Id).Distinct().CountAsync(ct),
        await db.Mailboxes.Select(m => m.Id).Distinct().CountAsync(ct), await db.FocalPoints.Select(f => f.Id).Distinct().CountAsync(ct),
        await db.Committees.Select(c => c.Id).Distinct().CountAsync(ct), await db.Countries.CountAsync(ct),
        await db.Coverage.Select(c => c.Id).Distinct().CountAsync(ct));

    public override string ToString() =>
        $"{Offices} offices, {Units} units, {Mailboxes} mailboxes, {FocalPoints} focal points, {Committees} committees, {Countries} countries, {Coverage} coverage records";

    private static int Distinct(IEnumerable<string> ids) => ids.Distinct(StringComparer.Ordinal).Count();
}
