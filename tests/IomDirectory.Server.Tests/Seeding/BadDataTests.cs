using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IomDirectory.Server.Tests.Seeding;

/// <summary>Each kind of bad record in data/ stops start-up with a message naming the file and the record, and writes nothing.</summary>
[TestFixture]
public sealed class BadDataTests
{
    private static readonly object[] Cases =
    [
        new object[] { "unknown parent", (Action<string>)(d => EditRecord(d, "units/dhrr.json", "units", "pcca", r => r["versions"]![0]!["parent"] = "no-such-unit")), "units/dhrr.json", "pcca", "unknown parent unit 'no-such-unit'" },
        new object[] { "duplicate id", (Action<string>)(d => AddRecord(d, "mailboxes.json", "mailboxes", """{"id":"dhrr","address":"x@iom.int","owner":"dhrr","versions":[{"source":"000_78fc46d8c5b0200a.txt"}]}""")), "mailboxes.json", "dhrr", "duplicate id" },
        new object[] { "mailbox with no owner", (Action<string>)(d => AddRecord(d, "mailboxes.json", "mailboxes", """{"id":"mb-orphan","address":"orphan@iom.int","versions":[{"source":"000_78fc46d8c5b0200a.txt"}]}""")), "mailboxes.json", "mb-orphan", "has no owner" },
        new object[] { "unknown country code", (Action<string>)(d => EditRecord(d, "offices.json", "offices", "ro-cairo", r => r["country"] = "QQ")), "offices.json", "ro-cairo", "unknown country code 'QQ'" },
        new object[] { "cycle in the tree", (Action<string>)(d => EditRecord(d, "units/dhrr.json", "units", "dhrr", r => { foreach (var v in r["versions"]!.AsArray()) v!["parent"] = "cbi-unit"; })), "units/", "", "cycle in the unit tree" },
        new object[] { "overlapping validity", (Action<string>)(d => EditRecord(d, "units/operations.json", "units", "cbi-unit", r => r["versions"]![0]!["valid_to"] = "2025-06-01")), "units/operations.json", "cbi-unit", "overlapping validity" },
    ];

    [TestCaseSource(nameof(Cases))]
    public void BadData_OnAMissingDatabase_StopsStartUpAndCreatesNothing(string _, Action<string> breakData, string file, string record, string message)
    {
        using var folder = new TempFolder();
        var data = folder.CopyOfData();
        breakData(data);
        var path = folder.File("directory.db");

        var error = Assert.ThrowsAsync<DataLoadException>(() => new DatabaseInitializer(path, data, NullLogger.Instance).InitializeAsync());

        Assert.That(error!.Errors.Any(e => e.File.StartsWith(file, StringComparison.Ordinal) && e.RecordId.StartsWith(record, StringComparison.Ordinal)
                                           && e.Message.Contains(message, StringComparison.Ordinal)), Is.True, error.Message);
        Assert.That(File.Exists(path), Is.False, "nothing is written");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task BadData_OnAnEmptyDatabase_LeavesItUntouched(string _, Action<string> breakData, string file, string record, string message)
    {
        using var folder = new TempFolder();
        var data = folder.CopyOfData();
        breakData(data);
        var path = folder.File("directory.db");
        await using (var db = DirectoryDbContextFactory.Create(path))
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = Hash(path);

        Assert.ThrowsAsync<DataLoadException>(() => new DatabaseInitializer(path, data, NullLogger.Instance).InitializeAsync());

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.That(Hash(path), Is.EqualTo(before));
        Assert.That(DatabaseInitializerTests.Scalar(path, "SELECT count(*) FROM Units"), Is.EqualTo("0"));
    }

    [Test]
    public void Message_NamesTheFileAndTheRecord()
    {
        var error = new DataLoadException([new DataError("units/dhrr.json", "pcca", "unknown parent unit 'x'")]);
        Assert.That(error.Message, Does.Contain("units/dhrr.json: record 'pcca': unknown parent unit 'x'"));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static void EditRecord(string data, string file, string array, string id, Action<JsonObject> edit)
    {
        var path = Path.Combine(data, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var record = root[array]!.AsArray().Single(r => (string?)r!["id"] == id)!.AsObject();
        edit(record);
        File.WriteAllText(path, root.ToJsonString());
    }

    private static void AddRecord(string data, string file, string array, string json)
    {
        var path = Path.Combine(data, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        root[array]!.AsArray().Add(JsonNode.Parse(json));
        File.WriteAllText(path, root.ToJsonString());
    }
}
