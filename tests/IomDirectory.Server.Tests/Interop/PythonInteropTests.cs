using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Interop;

/// <summary>Debian's python3-grpcio (grpc-core underneath), run with /usr/bin/python3, against the real server.</summary>
[TestFixture]
public sealed class PythonInteropTests : InteropFixture
{
    private const string Python = "/usr/bin/python3";
    private static readonly string ClientFolder = Path.Combine(RepositoryPaths.Root, "tests", "interop", "python");
    private TempFolder? _generated;

    private string GeneratedFolder => _generated?.Path ?? throw new InvalidOperationException("The messages have not been generated.");

    protected override IReadOnlyDictionary<string, string> Environment { get; } =
        new Dictionary<string, string> { ["PYTHONDONTWRITEBYTECODE"] = "1" };

    protected override async Task EnsureClientCanRunAsync()
    {
        await RequireAsync(Python, ["-c", "import grpc, google.protobuf"], $"{Python} cannot import grpc and google.protobuf (Debian python3-grpcio, python3-protobuf)");
        await RequireAsync("protoc", ["--version"], "protoc is missing (Debian protobuf-compiler)");
        _generated = new TempFolder();
        await RequireAsync(Python, [Path.Combine(ClientFolder, "generate.py"), _generated.Path], "protoc could not generate the Python messages");
    }

    protected override (string FileName, IReadOnlyList<string> Arguments) Command(params string[] arguments) =>
        (Python, [Path.Combine(ClientFolder, "interop_client.py"), .. arguments, "--generated", GeneratedFolder]);

    [OneTimeTearDown]
    public void DeleteGeneratedMessages() => _generated?.Dispose();
}
