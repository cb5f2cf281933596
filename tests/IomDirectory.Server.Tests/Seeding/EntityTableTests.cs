using System.Text.Json;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Seeding;

/// <summary>
/// Seeding and snapshot loading go around EF (prepared inserts, a plain reader) through the EF model's mapping:
/// what they write must be what EF reads, and what they read must be what EF materializes.
/// </summary>
[TestFixture]
public sealed class EntityTableTests
{
    [Test]
    public async Task Seed_WritesEveryRecordAsEfReadsItBack()
    {
        using var folder = new TempFolder();
        var path = folder.File("directory.db");
        await new DatabaseInitializer(path, RepositoryPaths.Data, NullLogger.Instance).InitializeAsync();
        var data = DataSetReader.Read(RepositoryPaths.Data);

        await using var db = DirectoryDbContextFactory.Create(path);
        Assert.That(Json(await db.Units.AsNoTracking().ToListAsync()), Is.EqualTo(Json(data.Units.Select(u => u.Record))));
        Assert.That(Json(await db.Offices.AsNoTracking().ToListAsync()), Is.EqualTo(Json(data.Offices.Select(o => o.Record))));
        Assert.That(Json(await db.Mailboxes.AsNoTracking().ToListAsync()), Is.EqualTo(Json(data.Mailboxes.Select(m => m.Record))));
        Assert.That(Json(await db.Countries.AsNoTracking().ToListAsync()), Is.EqualTo(Json(data.Countries)));
    }

    [Test]
    public async Task SnapshotContent_IsWhatEfMaterializes()
    {
        using var folder = new TempFolder();
        var path = folder.File("directory.db");
        await new DatabaseInitializer(path, RepositoryPaths.Data, NullLogger.Instance).InitializeAsync();
        await using var db = DirectoryDbContextFactory.Create(path);

        var content = await DirectoryContent.LoadAsync(DirectoryStore.For(DatabaseTarget.Sqlite(path)), db, 1, CancellationToken.None);

        Assert.That(Json(content.Sources), Is.EqualTo(Json(await db.Sources.AsNoTracking().ToListAsync())));
        Assert.That(Json(content.Countries), Is.EqualTo(Json(await db.Countries.AsNoTracking().ToListAsync())));
        Assert.That(Json(content.Offices), Is.EqualTo(Json(await db.Offices.AsNoTracking().ToListAsync())));
        Assert.That(Json(content.OfficeFunctions), Is.EqualTo(Json(await db.OfficeFunctions.AsNoTracking().ToListAsync())));
        Assert.That(Json(content.Coverage), Is.EqualTo(Json(await db.Coverage.AsNoTracking().ToListAsync())));
        Assert.That(Json(content.Units), Is.EqualTo(Json(await db.Units.AsNoTracking().ToListAsync())));
        Assert.That(Json(content.Mailboxes), Is.EqualTo(Json(await db.Mailboxes.AsNoTracking().ToListAsync())));
        Assert.That(Json(content.FocalPoints), Is.EqualTo(Json(await db.FocalPoints.AsNoTracking().ToListAsync())));
        Assert.That(Json(content.Committees), Is.EqualTo(Json(await db.Committees.AsNoTracking().ToListAsync())));
        Assert.That(content.Units.All(u => u.ValidFrom is null || u.ValidFrom.Value.Kind == DateTimeKind.Utc), Is.True);
    }

    [Test]
    public async Task BulkInsert_StoresTheSameValuesAsEf()
    {
        using var folder = new TempFolder();
        var data = DataSetReader.Read(RepositoryPaths.Data);
        var units = data.Units.Select(u => u.Record).ToList();
        var instant = new DateTime(2025, 3, 4, 13, 14, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        units[0].ValidTo = instant;   // an instant with a time of day and sub-millisecond ticks, as an admin change writes
        var audit = new AuditEventRecord
        {
            At = instant, Actor = "erin", ActorRole = "editor", Operation = "unit.update", EntityKind = "unit", EntityId = "dhrr",
            BeforeJson = "{}", AfterJson = "{\"name\":\"é\"}", Reason = "TICKET-1 – ünïcode", EffectiveFrom = instant.Date,
        };

        var byEf = folder.File("ef.db");
        await using (var db = await MigratedAsync(byEf))
        {
            db.Units.AddRange(Copies(units));
            db.AuditEvents.Add(Copy(audit));
            await db.SaveChangesAsync();
        }
        var bulk = folder.File("bulk.db");
        await using (var db = await MigratedAsync(bulk))
        {
            await db.Database.OpenConnectionAsync();
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = connection.BeginTransaction();
            EntityTable<UnitRecord>.Of(db).Insert(connection, transaction, Copies(units));
            EntityTable<AuditEventRecord>.Of(db).Insert(connection, transaction, [Copy(audit)]);
            await transaction.CommitAsync();
        }

        Assert.That(await StoredAsync(bulk, "Units"), Is.EqualTo(await StoredAsync(byEf, "Units")));
        Assert.That(await StoredAsync(bulk, "AuditEvents"), Is.EqualTo(await StoredAsync(byEf, "AuditEvents")));
        Assert.That(await StoredAsync(bulk, "Units"), Does.Contain("=String:2025-03-04 13:14:15.1234567"));
    }

    private static async Task<DirectoryDbContext> MigratedAsync(string path)
    {
        var db = DirectoryDbContextFactory.Create(path);
        await db.Database.MigrateAsync();
        return db;
    }

    private static IEnumerable<UnitRecord> Copies(IEnumerable<UnitRecord> units) =>
        units.Select(u => JsonSerializer.Deserialize<UnitRecord>(JsonSerializer.Serialize(u))!).Select(u => { u.RowId = 0; return u; });

    private static AuditEventRecord Copy(AuditEventRecord audit) => JsonSerializer.Deserialize<AuditEventRecord>(JsonSerializer.Serialize(audit))!;

    /// <summary>Every stored value of a table with the type SQLite stored it as, row by row in insertion order.</summary>
    private static async Task<string> StoredAsync(string path, string table)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                $"{reader.GetName(i)}={reader.GetFieldType(i).Name}:{(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")));
        return string.Join("\n", rows);
    }

    /// <summary>Every attribute of every record, in a stable order; row ids are the store's, not the data's.</summary>
    private static string Json<T>(IEnumerable<T> records)
    {
        var rows = records.Select(r => JsonSerializer.SerializeToElement(r)).Select(e =>
            JsonSerializer.Serialize(e.EnumerateObject().Where(p => p.Name != nameof(VersionedRecord.RowId)).ToDictionary(p => p.Name, p => p.Value)));
        return string.Join("\n", rows.Order(StringComparer.Ordinal));
    }
}
