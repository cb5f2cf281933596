using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IomDirectory.Grpc.Tests.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IomDirectory.Grpc.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1, port 0, serving the test services.</summary>
public sealed class TestServer : IAsyncDisposable
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor UnboundService =
        EchoReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("UnboundService");

    private TestServer(WebApplication app, TestState state, CapturingLoggerProvider logs, Uri address)
    {
        App = app;
        State = state;
        Logs = logs;
        Address = address;
    }

    public WebApplication App { get; }

    public TestState State { get; }

    public CapturingLoggerProvider Logs { get; }

    public Uri Address { get; }

    public static async Task<TestServer> StartAsync(
        Action<GrpcServerOptions>? configureGrpc = null,
        Action<IServiceCollection>? configureServices = null,
        bool tls = false,
        HttpProtocols protocols = HttpProtocols.Http2)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = protocols;
            if (tls)
            {
                listen.UseHttps(CreateCertificate());
            }
        }));

        var state = new TestState();
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpcServer(configureGrpc)
            .AddService(EchoServiceImpl.Service, binder => EchoServiceImpl.Bind(binder, state))
            .AddService(UnboundService, _ => { })
            .AddHealthChecks()
            .AddReflection();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseGrpcServer();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, state, logs, new Uri(address));
    }

    public GrpcClient CreateClient() => new(Address);

    /// <summary>An HttpClient sending HTTP/2 (h2c prior knowledge, or h2 over TLS accepting any certificate).</summary>
    public HttpClient CreateHttpClient(Version? version = null) => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    {
        BaseAddress = Address,
        DefaultRequestVersion = version ?? HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        }
        catch (OperationCanceledException)
        {
        }

        await App.DisposeAsync();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
