using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Admin;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Postgres;

/// <summary>Two replicas on one PostgreSQL database deliver every change once each subscriber's lease says whose turn it is.</summary>
[TestFixture]
public sealed class PostgresWebhookTests
{
    [Test]
    public async Task Writes_on_two_replicas_reach_the_subscriber_without_gaps_even_when_the_delivering_replica_stops()
    {
        using var folder = new TempFolder();
        var keyFile = folder.File("jwt-signing.key");
        var database = await TestStores.SeededPostgresAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var a = await RunningServer.StartOnAsync(database, keyFile, WebhookFixture.FastWebhooks);
        await using var b = await RunningServer.StartOnAsync(database, keyFile, WebhookFixture.FastWebhooks);
        var written = new List<long>();
        try
        {
            await new AdminService.AdminServiceClient(a.Channel).CreateWebhookAsync(new CreateWebhookRequest { Url = receiver.Url("replicas") },
                RunningServer.Bearer(a.Token("ada.admin", Roles.Admin)));
            for (var i = 0; i < 10; i++)
            {
                var replica = i % 2 == 0 ? a : b;
                written.Add(await RenameOnAsync(replica, $"Replica write {i}"));
            }
            await receiver.WaitForAsync("replicas", 3);
        }
        finally
        {
            await a.DisposeAsync();   // whichever replica was delivering, B finishes (A released its lease, or it runs out)
        }
        for (var i = 10; i < 14; i++)
            written.Add(await RenameOnAsync(b, $"Replica write {i}"));
        await Eventually.That(() => Task.FromResult(receiver.Of("replicas").Select(r => r.Sequence).Distinct().Count() >= written.Count), "every change delivered");
        var received = receiver.Of("replicas").Select(r => r.Sequence).ToList();
        Assert.That(received.Distinct(), Is.EquivalentTo(written), "no gaps, nothing invented");
        Assert.That(received.Distinct(), Is.Ordered.Ascending);
    }

    /// <summary>A rename on a replica that may not show the other's last write yet: read again and retry, as a client told ABORTED does.</summary>
    private static async Task<long> RenameOnAsync(RunningServer replica, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WebhookTests.RenameAsync(replica.Channel, replica.Token("erin.editor", Roles.Editor), "pcca", name);
            }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.Aborted && attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }
}
