// Receives IomDirectory webhooks and verifies their Standard Webhooks signature (ASP.NET Core, no other package).
// A .NET 10 file-based app:
//
//     WEBHOOK_SECRET=whsec_... PORT=8080 dotnet run receive_webhook.cs
//
// Register it with `iomdir webhooks add https://your-host/hooks/iomdir` (the secret is printed once). Each verified
// change is printed as one JSON line; a request with a bad or old signature is answered 400 and printed as rejected.
// Deliveries come at least once, in order: use webhook-id (one per change) to skip one seen before.
#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

var key = Convert.FromBase64String(Environment.GetEnvironmentVariable("WEBHOOK_SECRET")!["whsec_".Length..]);
var tolerance = TimeSpan.FromMinutes(5);   // refuse replays of old deliveries
var seen = new ConcurrentDictionary<string, bool>();   // webhook-ids already handled (keep a bounded, persistent store in production)

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{Environment.GetEnvironmentVariable("PORT") ?? "8080"}");
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
var app = builder.Build();

app.MapPost("/{**path}", async (HttpRequest request) =>
{
    using var buffer = new MemoryStream();
    await request.Body.CopyToAsync(buffer);
    var body = buffer.ToArray();
    string id = request.Headers["webhook-id"].ToString(), timestamp = request.Headers["webhook-timestamp"].ToString();
    if (!Verify(id, timestamp, request.Headers["webhook-signature"].ToString(), body))
    {
        Console.WriteLine(JsonSerializer.Serialize(new { rejected = id }));
        return Results.BadRequest();
    }
    if (seen.TryAdd(id, true))
    {
        var data = JsonDocument.Parse(body).RootElement;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            id, type = data.GetProperty("type").GetString(), kind = data.GetProperty("data").GetProperty("entityKind").GetString(),
            record = data.GetProperty("data").GetProperty("entityId").GetString(),
        }));
    }
    return Results.NoContent();
});

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"listening on {new Uri(app.Urls.First()).Port}"));
app.Run();

bool Verify(string id, string timestamp, string signatures, byte[] body)
{
    if (id.Length == 0 || !long.TryParse(timestamp, out var seconds) || signatures.Length == 0) return false;
    if ((DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance) return false;
    byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
    var expected = HMACSHA256.HashData(key, signed);
    foreach (var signature in signatures.Split(' '))
    {
        var given = new byte[64];
        if (signature.StartsWith("v1,", StringComparison.Ordinal) && Convert.TryFromBase64String(signature[3..], given, out var length) &&
            CryptographicOperations.FixedTimeEquals(given.AsSpan(0, length), expected))
            return true;
    }
    return false;
}
