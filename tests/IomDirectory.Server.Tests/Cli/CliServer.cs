using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Cli;

/// <summary>A running server and iomdir invocations against it, with tokens of each role.</summary>
public sealed class CliServer : IAsyncDisposable
{
    private CliServer(RunningServer server) => Server = server;

    public RunningServer Server { get; }

    public string Address => Server.Address.ToString();

    public string Editor => Server.Token("erin.editor", Roles.Editor);

    public string Admin => Server.Token("ada.admin", Roles.Admin);

    public string Reader => Server.Token("rita.reader", Roles.Reader);

    public static async Task<CliServer> StartAsync(params string[] serverArgs) => new(await RunningServer.StartAsync(serverArgs));

    public Task<Iomdir.Outcome> Run(params string[] args) => Iomdir.RunAsync([.. args, "--server", Address]);

    public Task<Iomdir.Outcome> RunAs(string token, params string[] args) => Iomdir.RunAsync([.. args, "--server", Address, "--token", token]);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
