using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace IomDirectory.Server.Tests.Reliability;

/// <summary>Nothing acknowledged is ever lost: SIGKILL the server in the middle of a stream of admin writes.</summary>
[TestFixture]
public sealed class CrashSafetyTests
{
    [Test]
    public async Task KilledDuringWrites_KeepsEveryAcknowledgedWrite_AndAnIntactDatabaseAndAuditTrail()
    {
        using var folder = new TempFolder();
        var db = folder.File("directory.db");
        IReadOnlyCollection<string> acknowledged;

        await using (var server = await ServerProcess.StartAsync(db))
        {
            var token = LocalTokenIssuer.Mint(SigningKey.Read(LocalDefaults.KeyFileBeside(db)), "crash.tester", "directory.editor", TimeSpan.FromMinutes(10));
            acknowledged = await CrashWriters.CreateUnitsUntilKilledAsync(server, token);
        }

        Assert.That(Scalar(db, "PRAGMA integrity_check"), Is.EqualTo("ok"));
        await using (var restarted = await ServerProcess.StartAsync(db))
        {
            foreach (var id in acknowledged)
            {
                var unit = await restarted.Directory.GetUnitAsync(new GetUnitRequest { Id = id });
                Assert.That(unit.ParentUnitId, Is.EqualTo("pcca"), id);
            }
        }
        var created = Column(db, "SELECT DISTINCT Id FROM Units WHERE Id LIKE 'crash-unit-%'");
        var audited = Column(db, "SELECT EntityId FROM AuditEvents WHERE Operation = 'unit.create'");
        Assert.That(created, Is.SupersetOf(acknowledged));
        Assert.That(audited, Is.EquivalentTo(created), "every stored change has its audit event and every audit event its change");
    }

    private static string Scalar(string path, string sql) => Column(path, sql).Single();

    private static List<string> Column(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
