using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Seeding;
using Microsoft.EntityFrameworkCore;
using IomDirectory.Server.Text;

namespace IomDirectory.Server.Snapshots;

/// <summary>Everything a snapshot is built from, read from the store in one go, and the last change it includes.</summary>
/// <remarks>
/// Read row by row through the EF model's mapping (<see cref="EntityTable{T}"/>) rather than EF queries: a snapshot
/// holds every version of every record, and equal texts across them are kept once (<see cref="LoadPool"/>).
/// </remarks>
/// <param name="Sequence">The audit sequence of the last committed change this content shows (0: none since seeding).</param>
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
    long Generation,
    long Sequence = 0)
{
    /// <summary>The records of a data set just seeded, as the store now holds them (row ids aside, which reads never use).</summary>
    public static DirectoryContent From(DataSet data, long generation) => new(
        [.. data.Sources.Select(s => s.Document), AuditSource.Document], data.Countries,
        [.. data.Offices.Select(o => o.Record)], [.. data.OfficeFunctions.Select(f => f.Record)], [.. data.Coverage.Select(c => c.Record)],
        [.. data.Units.Select(u => u.Record)], [.. data.Mailboxes.Select(m => m.Record)], [.. data.FocalPoints.Select(f => f.Record)],
        [.. data.Committees.Select(c => c.Record)], generation);

    /// <summary>Every table, and the last audit sequence, as of one committed state.</summary>
    public static async Task<DirectoryContent> LoadAsync(DirectoryStore store, DirectoryDbContext db, long generation, CancellationToken ct)
    {
        await using var transaction = await store.BeginConsistentReadAsync(db, ct);
        return await ReadAllAsync(db, generation, ct);
    }

    /// <summary>Every table, and the last audit sequence, in the context's current (consistent-read) transaction.</summary>
    public static async Task<DirectoryContent> ReadAllAsync(DirectoryDbContext db, long generation, CancellationToken ct)
    {
        var sequence = await LatestSequenceAsync(db, ct);
        var connection = db.Database.GetDbConnection();
        var transaction = DirectoryStore.CurrentTransaction(db);
        var pool = new LoadPool();
        List<TRecord> Read<TRecord>() where TRecord : class => EntityTable<TRecord>.Of(db).ReadAll(db, connection, transaction, pool);
        return new DirectoryContent(Read<SourceDocument>(), Read<Country>(), Read<OfficeRecord>(), Read<OfficeFunctionRecord>(),
            Read<CoverageRecord>(), Read<UnitRecord>(), Read<MailboxRecord>(), Read<FocalPointRecord>(), Read<CommitteeRecord>(), generation, sequence);
    }

    /// <summary>The sequence of the last committed change, in the context's transaction.</summary>
    public static async Task<long> LatestSequenceAsync(DirectoryDbContext db, CancellationToken ct) =>
        await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;

    /// <summary>
    /// This content with every version of the records the <paramref name="changes"/> name read again, in the context's
    /// (consistent-read) transaction: only the table of each change's kind, every table for a kind not known here. A
    /// record keeps the place of its first version, with its versions together, and a new record comes last: the order
    /// in which a snapshot keeps records (<see cref="Temporal{T}"/>), as after a whole reload; the unchanged records are
    /// shared, not copied (<see cref="RecordList{T}"/>). Also returns what was read, so that the snapshot can be changed
    /// rather than built again (<see cref="DirectorySnapshot.With"/>).
    /// </summary>
    public async Task<(DirectoryContent Content, ContentChanges Changes)> WithChangedAsync(DirectoryDbContext db, IReadOnlyList<AuditEventRecord> changes,
        long generation, long sequence, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = DirectoryStore.CurrentTransaction(db);
        var pool = new LoadPool();
        var read = new ContentChanges();
        var byKind = changes.GroupBy(e => e.EntityKind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.EntityId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var unknown = byKind.Where(k => !Kinds.Contains(k.Key)).SelectMany(k => k.Value).ToHashSet(StringComparer.Ordinal);
        async Task<IReadOnlyList<T>> Replace<T>(IReadOnlyList<T> old, string kind, string property, Func<T, string> idOf) where T : class
        {
            var ids = byKind.TryGetValue(kind, out var named) ? [.. named, .. unknown] : unknown;
            if (ids.Count == 0) return old;
            var fresh = await EntityTable<T>.Of(db).ReadWhereInAsync(db, connection, transaction, pool, property, ids, ct);
            read.Add(kind, ids, fresh);
            return RecordList<T>.Of(old, idOf).With(ids, fresh, idOf);
        }
        const string Id = nameof(VersionedRecord.Id);
        var content = new DirectoryContent(await Replace(Sources, "source", nameof(SourceDocument.Id), s => s.Id),
            await Replace(Countries, "country", nameof(Country.Code), c => c.Code), await Replace(Offices, "office", Id, r => r.Id),
            await Replace(OfficeFunctions, "office_function", Id, r => r.Id), await Replace(Coverage, "coverage", Id, r => r.Id),
            await Replace(Units, "unit", Id, r => r.Id), await Replace(Mailboxes, "mailbox", Id, r => r.Id),
            await Replace(FocalPoints, "focal_point", Id, r => r.Id), await Replace(Committees, "committee", Id, r => r.Id), generation, sequence);
        return (content, read);
    }

    /// <summary>The audit trail's entity kinds, each the kind of one table (<see cref="WithChangedAsync"/>).</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "source", "country", "office", "office_function", "coverage", "unit", "mailbox", "focal_point", "committee",
    };
}
