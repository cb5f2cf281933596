using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.ReadModel;

/// <summary>Everything a snapshot is built from, read from the store in one go.</summary>
/// <remarks>
/// Read row by row through the EF model's mapping (<see cref="EntityTable{T}"/>) rather than EF queries: a snapshot
/// holds every version of every record, and equal texts across them are kept once (<see cref="LoadPool"/>).
/// </remarks>
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
    /// <summary>The records of a data set just seeded, as the store now holds them (row ids aside, which reads never use).</summary>
    public static DirectoryContent From(DataSet data, long generation) => new(
        [.. data.Sources.Select(s => s.Document), AuditSource.Document], data.Countries,
        [.. data.Offices.Select(o => o.Record)], [.. data.OfficeFunctions.Select(f => f.Record)], [.. data.Coverage.Select(c => c.Record)],
        [.. data.Units.Select(u => u.Record)], [.. data.Mailboxes.Select(m => m.Record)], [.. data.FocalPoints.Select(f => f.Record)],
        [.. data.Committees.Select(c => c.Record)], generation);

    public static async Task<DirectoryContent> LoadAsync(DirectoryDbContext db, long generation, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // One read transaction: every table as of the same commit, even if a write lands meanwhile.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var pool = new LoadPool();
        List<TRecord> Read<TRecord>() where TRecord : class => EntityTable<TRecord>.Of(db).ReadAll(db, connection, transaction, pool);
        return new DirectoryContent(Read<SourceDocument>(), Read<Country>(), Read<OfficeRecord>(), Read<OfficeFunctionRecord>(),
            Read<CoverageRecord>(), Read<UnitRecord>(), Read<MailboxRecord>(), Read<FocalPointRecord>(), Read<CommitteeRecord>(), generation);
    }
}
