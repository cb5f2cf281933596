using IomDirectory.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using IomDirectory.Bench.Support;
using IomDirectory.Contracts.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace IomDirectory.Bench;

/// <summary>
/// Webhook delivery, against the built server (a process on SQLite) and a receiver in this process on loopback:
/// <list type="bullet">
/// <item>latency: a writer renames units one after another at a steady rate; for each change, the time from the write
/// being acknowledged (committed) to its delivery arriving, and from the write being sent;</item>
/// <item>throughput: a backlog of changes made with no subscriber, then a subscriber registered to replay them
/// (after_sequence): deliveries per second until the last arrives (one subscriber's deliveries go one at a time, in
/// order, so this is the rate of one ordered stream).</item>
/// </list>
/// </summary>
public static class WebhooksBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var writes = CommandLine.Int(args, "--writes", 300);
        var rate = CommandLine.Int(args, "--write-rate", 20);
        var backlog = CommandLine.Int(args, "--backlog", 2000);
        Console.WriteLine($"webhooks: {writes} writes at {rate}/s (latency), then a backlog of {backlog} changes replayed (throughput)");

        var arrivals = new ConcurrentDictionary<long, long>();   // sequence -> Stopwatch timestamp of its first arrival
        await using var receiver = await StartReceiverAsync(arrivals);
        using var scratch = new ScratchFolder();
        var key = scratch.File("jwt-signing.key");
        await using var server = await ServerUnderTest.StartAsync(scratch.File("directory.db"), BenchPaths.Data, "--Jwt:SigningKeyFile", key,
            "--Webhooks:AllowedHosts=127.0.0.1", "--Webhooks:AllowedSchemes=http");
        var signing = IomDirectory.Security.SigningKey.Read(key);
        var editor = Bearer(IomDirectory.Security.LocalTokenIssuer.Mint(signing, "bench.writer", "directory.editor", TimeSpan.FromHours(1)));
        var admin = Bearer(IomDirectory.Security.LocalTokenIssuer.Mint(signing, "bench.admin", "directory.admin", TimeSpan.FromHours(1)));
        var directory = new DirectoryService.DirectoryServiceClient(server.Channel);
        var admins = new AdminService.AdminServiceClient(server.Channel);
        var units = (await directory.ListUnitsAsync(new ListUnitsRequest { Kind = UnitKind.Unit, PageSize = 500 })).Units.Select(u => u.Id).ToList();
        var url = receiver.Url;

        // Latency.
        await admins.CreateWebhookAsync(new CreateWebhookRequest { Url = url, Description = "bench latency" }, admin);
        var sentAt = new Dictionary<long, long>();
        var ackedAt = new Dictionary<long, long>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < writes; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            var (sequence, sent, acked) = await RenameAsync(directory, admins, editor, units[i % units.Count], $"Webhook bench {i}");
            sentAt[sequence] = sent;
            ackedAt[sequence] = acked;
        }
        await WaitForAsync(arrivals, sentAt.Keys, TimeSpan.FromSeconds(60));
        var fromAck = ackedAt.Select(p => Stopwatch.GetElapsedTime(p.Value, arrivals[p.Key]).TotalMilliseconds).ToList();
        var fromSend = sentAt.Select(p => Stopwatch.GetElapsedTime(p.Value, arrivals[p.Key]).TotalMilliseconds).ToList();
        foreach (var w in (await admins.ListWebhooksAsync(new ListWebhooksRequest(), admin)).Webhooks)
            await admins.DeleteWebhookAsync(new DeleteWebhookRequest { Id = w.Id }, admin);

        // Throughput: a backlog replayed to a new subscriber.
        long first = 0, last = 0;
        var backlogSequences = new List<long>();
        for (var i = 0; i < backlog; i++)
        {
            var (sequence, _, _) = await RenameAsync(directory, admins, editor, units[i % units.Count], $"Webhook backlog {i}");
            if (i == 0) first = sequence;
            last = sequence;
            backlogSequences.Add(sequence);
        }
        arrivals.Clear();
        var started = Stopwatch.GetTimestamp();
        await admins.CreateWebhookAsync(new CreateWebhookRequest { Url = url, Description = "bench backlog", AfterSequence = first - 1 }, admin);
        await WaitForAsync(arrivals, backlogSequences, TimeSpan.FromMinutes(5));
        var drained = Stopwatch.GetElapsedTime(started, arrivals[last]).TotalSeconds;

        var table = new ResultTable("measure", "changes", "p50 ms", "p99 ms", "max ms", "deliveries/s");
        table.Add("commit (acknowledged) → received", fromAck.Count, Ms(Stats.Percentile(fromAck, 50)), Ms(Stats.Percentile(fromAck, 99)), Ms(fromAck.Max()), "");
        table.Add("write sent → received", fromSend.Count, Ms(Stats.Percentile(fromSend, 50)), Ms(Stats.Percentile(fromSend, 99)), Ms(fromSend.Max()), "");
        table.Add("backlog replayed to a new subscriber", backlog, "", "", "", (backlog / drained).ToString("0", CultureInfo.InvariantCulture));
        table.Print(Console.Out);
        Console.WriteLine($"saved {table.SaveCsv(Path.Combine(BenchPaths.Results, "webhooks.csv"))}");
        return 0;
    }

    private static async Task<(long Sequence, long Sent, long Acked)> RenameAsync(DirectoryService.DirectoryServiceClient directory,
        AdminService.AdminServiceClient admins, CallOptions editor, string id, string name)
    {
        var version = (await directory.GetUnitAsync(new GetUnitRequest { Id = id })).Version;
        var sent = Stopwatch.GetTimestamp();
        await admins.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = new WriteContext { Reason = "bench webhooks" },
        }, editor);
        var acked = Stopwatch.GetTimestamp();
        var sequence = (await admins.ListAuditEventsAsync(new ListAuditEventsRequest { EntityId = id, PageSize = 1 }, editor)).Events[0].Sequence;
        return (sequence, sent, acked);
    }

    private static async Task WaitForAsync(ConcurrentDictionary<long, long> arrivals, IEnumerable<long> sequences, TimeSpan within)
    {
        var wanted = sequences.ToList();
        var deadline = Stopwatch.StartNew();
        while (!wanted.All(arrivals.ContainsKey))
        {
            if (deadline.Elapsed > within)
                throw new TimeoutException($"{wanted.Count(s => !arrivals.ContainsKey(s))} of {wanted.Count} changes not delivered within {within}");
            await Task.Delay(20);
        }
    }

    private static CallOptions Bearer(string token) => new(headers: new Metadata { { "authorization", "Bearer " + token } });

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private sealed class Receiver(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<Receiver> StartReceiverAsync(ConcurrentDictionary<long, long> arrivals)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", (HttpRequest request) =>
        {
            var now = Stopwatch.GetTimestamp();
            var id = request.Headers["webhook-id"].ToString();
            if (id.StartsWith("evt_", StringComparison.Ordinal) && long.TryParse(id.AsSpan(4), CultureInfo.InvariantCulture, out var sequence))
                arrivals.TryAdd(sequence, now);
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Receiver(app, address.TrimEnd('/') + "/hook");
    }
}
