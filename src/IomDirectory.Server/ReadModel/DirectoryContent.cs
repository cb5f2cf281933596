using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.ReadModel;

/// <summary>Everything a snapshot is built from, read from the store in one go.</summary>
public sealed record DirectoryContent(
    IReadOnlyList<SourceDocument> Sources,
    IReadOnlyList<Country> Countries,
    IReadOnlyList<OfficeRecord> Offices,
    IReadOnlyList<OfficeFunctionRecord> OfficeFunctions,
    IReadOnlyList<CoverageRecord> Coverage,
    IReadOnlyList<UnitRecord> Units,
    IReadOnlyList<MailboxRecord> Mailboxes,
    IReadOnlyList<FocalPointRecord> FocalPoints,
    IReadOnlyList<CommitteeRecord> Committees,
    long Generation)
{
    public static async Task<DirectoryContent> LoadAsync(DirectoryDbContext db, long generation, CancellationToken ct) => new(
        await db.Sources.AsNoTracking().ToListAsync(ct),
        await db.Countries.AsNoTracking().ToListAsync(ct),
        await db.Offices.AsNoTracking().ToListAsync(ct),
        await db.OfficeFunctions.AsNoTracking().ToListAsync(ct),
        await db.Coverage.AsNoTracking().ToListAsync(ct),
        await db.Units.AsNoTracking().ToListAsync(ct),
        await db.Mailboxes.AsNoTracking().ToListAsync(ct),
        await db.FocalPoints.AsNoTracking().ToListAsync(ct),
        await db.Committees.AsNoTracking().ToListAsync(ct),
        generation);
}
