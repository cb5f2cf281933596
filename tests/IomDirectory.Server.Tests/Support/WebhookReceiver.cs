using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IomDirectory.Server.Tests.Support;

/// <summary>
/// A webhook subscriber for tests: a real HTTP server on a loopback port that records every POST to /hooks/{name}.
/// It can be taken down (503 with Retry-After 0, or connections refused when stopped) and slowed down. Signatures
/// are checked here as the Standard Webhooks specification says, independently of the server's code.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<Received> _received = [];

    /// <summary>One POST as it arrived.</summary>
    public sealed record Received(string Hook, string Id, string Timestamp, string Signature, string Body, DateTime At)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public long Sequence => long.Parse(Id["evt_".Length..], System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Whether one of the signatures is HMAC-SHA256 of "{id}.{timestamp}.{body}" with the secret's key.</summary>
        public bool SignedWith(string secret)
        {
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
            return Signature.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(s), Encoding.UTF8.GetBytes(expected)));
        }
    }

    private WebhookReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>While true, every POST is answered 503.</summary>
    public volatile bool Down;

    /// <summary>How long each answer waits.</summary>
    public TimeSpan Delay = TimeSpan.Zero;

    public string Url(string hook) => new Uri(Address, "/hooks/" + hook).ToString();

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks/{hook}", async (string hook, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (receiver!.Delay > TimeSpan.Zero) await Task.Delay(receiver.Delay);
            if (receiver.Down) return Results.StatusCode(503);
            lock (receiver._received)
                receiver._received.Add(new Received(hook, request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
                    request.Headers["webhook-signature"].ToString(), body, DateTime.UtcNow));
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        receiver = new WebhookReceiver(app, address);
        return receiver;
    }

    public IReadOnlyList<Received> Of(string hook)
    {
        lock (_received) return [.. _received.Where(r => r.Hook == hook)];
    }

    /// <summary>Waits until the hook has received at least <paramref name="count"/> POSTs.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(string hook, int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var got = Of(hook);
            if (got.Count >= count) return got;
            if (DateTime.UtcNow > deadline)
                throw new AssertionException($"{hook}: {got.Count} of {count} deliveries arrived (sequences {string.Join(", ", got.Select(g => g.Sequence))})");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
