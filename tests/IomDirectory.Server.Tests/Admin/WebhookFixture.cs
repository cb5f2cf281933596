using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>One server with webhooks allowed to a loopback receiver, shared by a fixture's tests.</summary>
public abstract class WebhookFixture
{
    /// <summary>Loopback over http allowed, and short delays so that retries happen within a test.</summary>
    public static readonly string[] FastWebhooks =
    [
        "--Webhooks:AllowedHosts=127.0.0.1", "--Webhooks:AllowedSchemes=http", "--Webhooks:PollInterval=00:00:00.200",
        "--Webhooks:FirstRetryDelay=00:00:00.100", "--Webhooks:MaxRetryDelay=00:00:00.500", "--Webhooks:Timeout=00:00:02", "--Webhooks:Lease=00:00:04",
    ];

    protected RunningServer Server { get; private set; } = null!;
    protected WebhookReceiver Receiver { get; private set; } = null!;
    protected AdminService.AdminServiceClient AdminClient { get; private set; } = null!;
    protected CallOptions AsAdmin { get; private set; }

    /// <summary>The server's settings beyond <see cref="FastWebhooks"/>.</summary>
    protected virtual string[] MoreSettings => [];

    [OneTimeSetUp]
    public async Task StartWebhookServer()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Server = await RunningServer.StartAsync([.. FastWebhooks, .. MoreSettings]);
        AdminClient = new AdminService.AdminServiceClient(Server.Channel);
        AsAdmin = RunningServer.Bearer(Server.Token("ada.admin", Roles.Admin));
    }

    [OneTimeTearDown]
    public async Task StopWebhookServer()
    {
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    protected async Task<Webhook> Listed(string id) =>
        (await AdminClient.ListWebhooksAsync(new ListWebhooksRequest(), AsAdmin)).Webhooks.Single(w => w.Id == id);
}
