using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>The webhooks' bounds on a server with small ones: subscribers, payload size, and how long a subscriber may fail.</summary>
[TestFixture]
public sealed class WebhookLimitTests : WebhookFixture
{
    protected override string[] MoreSettings => ["--Webhooks:MaxSubscribers=3", "--Webhooks:MaxPayloadBytes=4096", "--Webhooks:DisableAfter=00:00:01"];

    [Test]
    public async Task Subscribers_payloads_and_failing_subscribers_are_bounded()
    {
        var big = await AdminClient.CreateWebhookAsync(new CreateWebhookRequest { Url = Receiver.Url("big"), Kinds = { "unit" } }, AsAdmin);
        var failing = await AdminClient.CreateWebhookAsync(new CreateWebhookRequest { Url = Receiver.Url("failing"), Kinds = { "mailbox" } }, AsAdmin);
        await AdminClient.CreateWebhookAsync(new CreateWebhookRequest { Url = Receiver.Url("third"), Kinds = { "committee" } }, AsAdmin);
        var full = await Api.Failure(async () => await AdminClient.CreateWebhookAsync(new CreateWebhookRequest { Url = Receiver.Url("fourth") }, AsAdmin));
        Assert.That(full.Code, Is.EqualTo(StatusCode.FailedPrecondition));
        Assert.That(full.Message, Does.Contain("at most 3"));

        // A change larger than the payload limit goes without its content, marked truncated.
        var editor = RunningServer.Bearer(Server.Token("erin.editor", Roles.Editor));
        var unit = await new DirectoryService.DirectoryServiceClient(Server.Channel).GetUnitAsync(new GetUnitRequest { Id = "pcca" });
        await AdminClient.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = unit.Version, Unit = new UnitInput { Description = new LocalizedText { En = new string('x', 5000) } },
            UpdateMask = new FieldMask { Paths = { "description.en" } }, Write = Api.Because("a long description"),
        }, editor);
        var delivered = (await Receiver.WaitForAsync("big", 1))[0];
        Assert.That(System.Text.Encoding.UTF8.GetByteCount(delivered.Body), Is.LessThanOrEqualTo(4096));
        Assert.That(delivered.Json.GetProperty("truncated").GetBoolean(), Is.True);
        Assert.That(delivered.Json.GetProperty("data").TryGetProperty("afterJson", out _), Is.False);
        Assert.That(delivered.Json.GetProperty("data").GetProperty("entityId").GetString(), Is.EqualTo("pcca"));
        Assert.That(delivered.SignedWith(big.Secret), Is.True);

        // A subscriber failing for longer than DisableAfter is disabled, and resumes where it stopped once re-enabled.
        Receiver.Down = true;
        var mailbox = (await new DirectoryService.DirectoryServiceClient(Server.Channel).ListMailboxesAsync(new ListMailboxesRequest { PageSize = 500 }))
            .Mailboxes.Single(m => m.Address == "dhrr@iom.int");
        await AdminClient.UpdateMailboxAsync(new UpdateMailboxRequest
        {
            Id = mailbox.Id, ExpectedVersion = mailbox.Version, Mailbox = new MailboxInput { Purpose = new LocalizedText { En = "Disable test" } },
            UpdateMask = new FieldMask { Paths = { "purpose.en" } }, Write = Api.Because("disable test"),
        }, editor);
        await Eventually.That(async () => !(await Listed(failing.Webhook.Id)).Enabled, "the failing subscriber is disabled");
        var disabled = await Listed(failing.Webhook.Id);
        Assert.That(disabled.DisabledReason, Does.Contain("failed since"));
        Assert.That(disabled.Pending, Is.GreaterThan(0));
        Receiver.Down = false;
        await Task.Delay(500);
        Assert.That(Receiver.Of("failing"), Is.Empty, "a disabled subscriber is not delivered to");
        var enabled = await AdminClient.EnableWebhookAsync(new EnableWebhookRequest { Id = failing.Webhook.Id }, AsAdmin);
        Assert.That(enabled.Enabled, Is.True);
        var resumed = await Receiver.WaitForAsync("failing", 1);
        Assert.That(resumed[0].Json.GetProperty("data").GetProperty("entityKind").GetString(), Is.EqualTo("mailbox"));
    }

}
