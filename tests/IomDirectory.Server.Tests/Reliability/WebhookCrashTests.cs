using IomDirectory.Contracts.V1;
using IomDirectory.Security;
using IomDirectory.Server.Tests.Admin;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Reliability;

/// <summary>Nothing committed is lost to a subscriber: SIGKILL the server in the middle of deliveries, start it again.</summary>
[TestFixture]
public sealed class WebhookCrashTests
{
    [Test]
    public async Task Killed_mid_delivery_and_restarted_every_change_reaches_the_subscriber_in_order()
    {
        using var folder = new TempFolder();
        var db = folder.File("directory.db");
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(250);   // deliveries are still under way when the server dies
        var written = new List<long>();
        await using (var server = await ServerProcess.StartAsync(db, WebhookFixture.FastWebhooks))
        {
            var key = SigningKey.Read(LocalDefaults.KeyFileBeside(db));
            var admin = new AdminService.AdminServiceClient(server.Channel);
            await admin.CreateWebhookAsync(new CreateWebhookRequest { Url = receiver.Url("crash") },
                RunningServer.Bearer(LocalTokenIssuer.Mint(key, "ada.admin", "directory.admin", TimeSpan.FromMinutes(10))));
            var editor = LocalTokenIssuer.Mint(key, "erin.editor", "directory.editor", TimeSpan.FromMinutes(10));
            for (var i = 0; i < 20; i++) written.Add(await WebhookTests.RenameAsync(server.Channel, editor, "pcca", $"Crash {i}"));
            await receiver.WaitForAsync("crash", 3);
            server.Kill();
            await server.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        var beforeRestart = receiver.Of("crash").Count;
        Assert.That(beforeRestart, Is.LessThan(written.Count), "the server died with deliveries still to make");

        receiver.Delay = TimeSpan.Zero;
        await using (await ServerProcess.StartAsync(db, WebhookFixture.FastWebhooks))
        {
            // The dead process's lease runs out (--Webhooks:Lease, 4 s here), then the new one delivers the rest.
            await Eventually.HoldsAsync(() => Task.FromResult(receiver.Of("crash").Select(r => r.Sequence).Distinct().Count() >= written.Count),
                "every change delivered after the restart", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        }
        var received = receiver.Of("crash").Select(r => r.Sequence).ToList();
        Assert.That(received.Distinct(), Is.EquivalentTo(written), "no change lost, none invented");
        Assert.That(received.Distinct(), Is.Ordered.Ascending, "first deliveries in sequence order");
        Assert.That(received.Count - written.Count, Is.LessThanOrEqualTo(1), "at least once: at most the delivery under way at the kill is repeated");
    }
}
