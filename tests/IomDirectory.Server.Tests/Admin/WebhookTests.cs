using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// Webhooks through the real server and a real receiver on another port: signed deliveries in sequence order,
/// kinds filtered, a receiver down then up gets everything, the operator's allow-list and every field's limit.
/// Runs on both stores (the Admin suites run again on PostgreSQL).
/// </summary>
[TestFixture]
public sealed class WebhookTests : WebhookFixture
{
    [TearDown]
    public async Task DeleteWebhooks()
    {
        Receiver.Down = false;
        foreach (var webhook in (await AdminClient.ListWebhooksAsync(new ListWebhooksRequest(), AsAdmin)).Webhooks)
            await AdminClient.DeleteWebhookAsync(new DeleteWebhookRequest { Id = webhook.Id }, AsAdmin);
    }

    private static Task<long> RenameAsync(RunningServer server, string id, string name) =>
        RenameAsync(server.Channel, server.Token("erin.editor", Roles.Editor), id, name);

    /// <summary>Renames a unit through the typed clients; the sequence of the change's audit event.</summary>
    public static async Task<long> RenameAsync(Grpc.Net.Client.GrpcChannel channel, string editorToken, string id, string name)
    {
        var unit = await new DirectoryService.DirectoryServiceClient(channel).GetUnitAsync(new GetUnitRequest { Id = id });
        var admin = new AdminService.AdminServiceClient(channel);
        await admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = unit.Version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("webhook test"),
        }, RunningServer.Bearer(editorToken));
        var events = await admin.ListAuditEventsAsync(new ListAuditEventsRequest { EntityId = id, PageSize = 1 }, RunningServer.Bearer(editorToken));
        return events.Events[0].Sequence;
    }

    private async Task<long> RenameMailboxPurposeAsync(string address, string purpose)
    {
        var directory = new DirectoryService.DirectoryServiceClient(Server.Channel);
        var mailbox = (await directory.ListMailboxesAsync(new ListMailboxesRequest { PageSize = 500 })).Mailboxes.Single(m => m.Address == address);
        var updated = await AdminClient.UpdateMailboxAsync(new UpdateMailboxRequest
        {
            Id = mailbox.Id, ExpectedVersion = mailbox.Version, Mailbox = new MailboxInput { Purpose = new LocalizedText { En = purpose } },
            UpdateMask = new FieldMask { Paths = { "purpose.en" } }, Write = Api.Because("webhook test"),
        }, RunningServer.Bearer(Server.Token("erin.editor", Roles.Editor)));
        return updated.Version;
    }

    [Test]
    public async Task Every_change_is_delivered_signed_in_sequence_order_and_only_of_the_kinds_asked_for()
    {
        var all = await AdminClient.CreateWebhookAsync(new CreateWebhookRequest { Url = Receiver.Url("all"), Description = "helpdesk" }, AsAdmin);
        var mailboxes = await AdminClient.CreateWebhookAsync(new CreateWebhookRequest { Url = Receiver.Url("mailboxes"), Kinds = { "mailbox" } }, AsAdmin);
        Assert.That(all.Secret, Does.StartWith("whsec_"));
        Assert.That(all.Webhook.Pending, Is.Zero, "a new subscriber gets what commits from now on");

        var sequences = new List<long>();
        for (var i = 0; i < 3; i++) sequences.Add(await RenameAsync(Server, "pcca", $"Webhook rename {i}"));
        await RenameMailboxPurposeAsync("dhrr@iom.int", "Webhook purpose");

        var received = await Receiver.WaitForAsync("all", 4);
        Assert.That(received.Select(r => r.Sequence), Is.Ordered.Ascending.And.Unique);
        Assert.That(received.Take(3).Select(r => r.Sequence), Is.EqualTo(sequences));
        Assert.That(received.All(r => r.SignedWith(all.Secret)), Is.True, "every delivery carries a valid Standard Webhooks signature");
        Assert.That(received.Any(r => r.SignedWith(mailboxes.Secret)), Is.False, "each subscriber has its own secret");
        var first = received[0].Json;
        Assert.That(first.GetProperty("type").GetString(), Is.EqualTo("directory.unit.update"));
        Assert.That(first.GetProperty("data").GetProperty("entityId").GetString(), Is.EqualTo("pcca"));
        Assert.That(first.GetProperty("data").GetProperty("sequence").GetString(), Is.EqualTo(sequences[0].ToString()));
        Assert.That(received[0].Id, Is.EqualTo($"evt_{sequences[0]}"));
        Assert.That(long.Parse(received[0].Timestamp), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(300));

        var onlyMailboxes = await Receiver.WaitForAsync("mailboxes", 1);
        Assert.That(onlyMailboxes.Select(r => r.Json.GetProperty("data").GetProperty("entityKind").GetString()), Is.All.EqualTo("mailbox"));
        await Eventually.That(async () => (await AdminClient.ListWebhooksAsync(new ListWebhooksRequest(), AsAdmin)).Webhooks.All(w => w.Pending == 0),
            "both subscribers' cursors reach the last change (the mailbox one passes over the unit changes)");
        var listed = (await AdminClient.ListWebhooksAsync(new ListWebhooksRequest(), AsAdmin)).Webhooks.Single(w => w.Id == all.Webhook.Id);
        Assert.That(listed.Description, Is.EqualTo("helpdesk"));
        Assert.That(listed.CreatedBy, Is.EqualTo("ada.admin"));
        Assert.That(listed.ToString(), Does.Not.Contain(all.Secret), "the secret is shown once, at creation");
    }

    [Test]
    public async Task AReceiver_that_was_down_gets_every_change_in_order_once_it_is_back_and_the_failures_are_visible()
    {
        var hook = await AdminClient.CreateWebhookAsync(new CreateWebhookRequest { Url = Receiver.Url("flaky") }, AsAdmin);
        Receiver.Down = true;
        var sequences = new List<long>();
        for (var i = 0; i < 3; i++) sequences.Add(await RenameAsync(Server, "pcca", $"While down {i}"));
        await Eventually.That(async () => (await Listed(hook.Webhook.Id)).FailedAttempts >= 2, "the deliveries fail while the receiver is down");
        var failing = await Listed(hook.Webhook.Id);
        Assert.That(failing.LastError, Does.Contain("503"));
        Assert.That(failing.FailingSince, Is.Not.Null);
        var attempts = await AdminClient.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { Id = hook.Webhook.Id }, AsAdmin);
        Assert.That(attempts.Deliveries, Is.Not.Empty);
        Assert.That(attempts.Deliveries.All(d => !d.Delivered && d.StatusCode == 503 && d.Sequence == sequences[0]), Is.True,
            "nothing after the first change is tried while it fails: order is kept");

        Receiver.Down = false;
        var received = await Receiver.WaitForAsync("flaky", 3);
        Assert.That(received.Select(r => r.Sequence), Is.EqualTo(sequences));
        await Eventually.That(async () => (await Listed(hook.Webhook.Id)) is { FailedAttempts: 0, Pending: 0, LastError: "" }, "the subscriber is healthy again");
        var latest = await AdminClient.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { Id = hook.Webhook.Id, MaxResults = 3 }, AsAdmin);
        Assert.That(latest.Deliveries.Select(d => d.Sequence), Is.EqualTo(sequences.AsEnumerable().Reverse()), "newest first");
        Assert.That(latest.Deliveries.All(d => d.Delivered && d.StatusCode == 204), Is.True);
    }

    [Test]
    public async Task Urls_the_operator_does_not_allow_and_bad_fields_are_refused_naming_the_field()
    {
        async Task<(StatusCode Code, string Message, IReadOnlyList<string> Fields)> Create(CreateWebhookRequest request, CallOptions? options = null) =>
            await Api.Failure(async () => await AdminClient.CreateWebhookAsync(request, options ?? AsAdmin));

        foreach (var url in new[] { "http://10.0.0.1/hook", "http://localhost/hook", "https://169.254.169.254/latest/meta-data", "ftp://127.0.0.1/x",
                     "http://user:pw@127.0.0.1/x", "/relative", "http://127.0.0.1/" + new string('a', 2001) })
        {
            var refused = await Create(new CreateWebhookRequest { Url = url });
            Assert.That(refused.Code, Is.EqualTo(StatusCode.InvalidArgument), url);
            Assert.That(refused.Fields, Is.EqualTo(new[] { "url" }), url);
        }
        Assert.That((await Create(new CreateWebhookRequest { Url = Receiver.Url("x"), Kinds = { "unit", "people" } })).Fields, Is.EqualTo(new[] { "kinds[1]" }));
        Assert.That((await Create(new CreateWebhookRequest { Url = Receiver.Url("x"), Description = new string('d', 201) })).Fields, Is.EqualTo(new[] { "description" }));
        Assert.That((await Create(new CreateWebhookRequest { Url = Receiver.Url("x"), Secret = "whsec_c2hvcnQ=" })).Fields, Is.EqualTo(new[] { "secret" }));
        Assert.That((await Create(new CreateWebhookRequest { Url = Receiver.Url("x"), AfterSequence = -1 })).Fields, Is.EqualTo(new[] { "after_sequence" }));
        Assert.That((await Create(new CreateWebhookRequest { Url = Receiver.Url("x") }, RunningServer.Bearer(Server.Token("erin.editor", Roles.Editor)))).Code,
            Is.EqualTo(StatusCode.PermissionDenied), "webhooks are for admins");
        Assert.That((await Create(new CreateWebhookRequest { Url = Receiver.Url("x") }, new CallOptions())).Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That((await Api.Failure(async () => await AdminClient.DeleteWebhookAsync(new DeleteWebhookRequest { Id = "wh_0000000000000000" }, AsAdmin))).Code,
            Is.EqualTo(StatusCode.NotFound));
        Assert.That((await Api.Failure(async () => await AdminClient.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { Id = "x", MaxResults = 201 }, AsAdmin))).Fields,
            Is.EqualTo(new[] { "max_results" }));
        Assert.That((await AdminClient.ListWebhooksAsync(new ListWebhooksRequest(), AsAdmin)).Webhooks, Is.Empty, "nothing refused was registered");
    }

    [Test]
    public async Task A_given_secret_signs_and_after_sequence_replays_the_changes_after_it()
    {
        var before = await RenameAsync(Server, "pcca", "Before the subscriber");
        var after = await RenameAsync(Server, "pcca", "After that");
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var hook = await AdminClient.CreateWebhookAsync(new CreateWebhookRequest { Url = Receiver.Url("replay"), Secret = secret, AfterSequence = before }, AsAdmin);
        Assert.That(hook.Secret, Is.EqualTo(secret));
        var received = await Receiver.WaitForAsync("replay", 1);
        Assert.That(received[0].Sequence, Is.EqualTo(after));
        Assert.That(received[0].SignedWith(secret), Is.True);
    }

}
