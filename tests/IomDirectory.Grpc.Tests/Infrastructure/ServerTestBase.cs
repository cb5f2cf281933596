namespace IomDirectory.Grpc.Tests.Infrastructure;

/// <summary>One default server per fixture, with a GrpcClient and a raw HTTP/2 HttpClient.</summary>
public abstract class ServerTestBase
{
    protected TestServer Server { get; private set; } = null!;

    protected GrpcClient Client { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Server = await TestServer.StartAsync();
        Client = Server.CreateClient();
        Http = Server.CreateHttpClient();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        Client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected static Google.Protobuf.Reflection.MethodDescriptor Method(string name) =>
        EchoServiceImpl.Service.FindMethodByName(name);
}
