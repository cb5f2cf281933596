using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Interop;

/// <summary>@grpc/grpc-js with @grpc/proto-loader, as restored by `npm ci` in tests/interop/node, against the real server.</summary>
[TestFixture]
public sealed class NodeInteropTests : InteropFixture
{
    private static readonly string ClientFolder = Path.Combine(RepositoryPaths.Root, "tests", "interop", "node");

    protected override async Task EnsureClientCanRunAsync()
    {
        await RequireAsync("node", ["--version"], "node is not on PATH");
        if (!Directory.Exists(Path.Combine(ClientFolder, "node_modules", "@grpc", "grpc-js")))
            Assert.Fail($"{ClientFolder}/node_modules is missing. {InstallHint}");
    }

    protected override (string FileName, IReadOnlyList<string> Arguments) Command(params string[] arguments) =>
        ("node", [Path.Combine(ClientFolder, "interop_client.js"), .. arguments]);
}
