using IomDirectory.Server.Tests.Admin;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Cli;

/// <summary>iomdir webhooks: register, list, see deliveries, remove; refusals are exit 4 naming the flag.</summary>
[TestFixture]
public sealed class CliWebhookTests
{
    [Test]
    public async Task An_admin_registers_a_subscriber_sees_its_deliveries_and_removes_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var cli = await CliServer.StartAsync(WebhookFixture.FastWebhooks);
        var added = (await cli.RunAs(cli.Admin, "webhooks", "add", receiver.Url("cli"), "--kind", "unit", "--description", "CLI test", "--json")).Ok().Json();
        var id = added.GetProperty("webhook").GetProperty("id").GetString()!;
        var secret = added.GetProperty("secret").GetString()!;
        (await cli.RunAs(cli.Editor, "edit", "unit", "pcca", "--set", "name.en=Renamed for the webhook", "--reason", "TICKET-WH-1")).Ok();
        var received = await receiver.WaitForAsync("cli", 1);
        Assert.That(received[0].SignedWith(secret), Is.True);

        await Eventually.That(async () => (await cli.RunAs(cli.Admin, "webhooks", "list")).Ok().Stdout.Contains("0 changes after it"), "delivered");
        var listed = (await cli.RunAs(cli.Admin, "webhooks", "list")).Ok().Stdout;
        Assert.That(listed, Does.Contain(id).And.Contain(receiver.Url("cli")).And.Contain("kinds: unit").And.Not.Contain(secret));
        var deliveries = (await cli.RunAs(cli.Admin, "webhooks", "deliveries", id)).Ok().Stdout;
        Assert.That(deliveries, Does.Contain(received[0].Sequence.ToString()).And.Contain("204"));

        var refused = await cli.RunAs(cli.Admin, "webhooks", "add", "http://10.1.2.3/hook");
        Assert.That(refused.ExitCode, Is.EqualTo(4), refused.Stderr);
        Assert.That(refused.Stderr, Does.Contain("url"));
        Assert.That((await cli.RunAs(cli.Editor, "webhooks", "list")).ExitCode, Is.Not.Zero, "an editor cannot see the subscribers");

        (await cli.RunAs(cli.Admin, "webhooks", "remove", id)).Ok();
        Assert.That((await cli.RunAs(cli.Admin, "webhooks", "list")).Ok().Stdout, Does.Contain("No webhook subscribers."));
    }
}
