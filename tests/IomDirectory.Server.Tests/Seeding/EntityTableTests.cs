using System.Text.Json;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.ReadModel;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

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

        var content = await DirectoryContent.LoadAsync(db, 1, CancellationToken.None);

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

    /// <summary>Every attribute of every record, in a stable order; row ids are the store's, not the data's.</summary>
    private static string Json<T>(IEnumerable<T> records)
    {
        var rows = records.Select(r => JsonSerializer.SerializeToElement(r)).Select(e =>
            JsonSerializer.Serialize(e.EnumerateObject().Where(p => p.Name != nameof(VersionedRecord.RowId)).ToDictionary(p => p.Name, p => p.Value)));
        return string.Join("\n", rows.Order(StringComparer.Ordinal));
    }
}
