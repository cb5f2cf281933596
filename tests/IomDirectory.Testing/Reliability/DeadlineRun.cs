using System.Diagnostics;
using System.Net;
using IomDirectory.Testing;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Testing.Reliability;

/// <summary>
/// Short-deadline calls while the server is saturated by searches: each must end DEADLINE_EXCEEDED (or OK if it
/// was fast enough), never hang. Half are made by the project's client (deadline enforced on both sides), half
/// as raw requests with only a grpc-timeout header and no local cancellation, so the server alone must end them.
/// </summary>
public static class DeadlineRun
{
    public sealed record Result(int Calls, int DeadlineExceeded, int Ok, IReadOnlyList<string> Other, double SlowestSeconds, double SlowestOkSeconds)
    {
        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Calls} short-deadline calls under saturation: {DeadlineExceeded} DEADLINE_EXCEEDED, {Ok} OK, {Other.Count} other" +
            $"{(Other.Count > 0 ? " (" + string.Join(", ", Other.Distinct()) + ")" : "")}; slowest ended after {SlowestSeconds:0.00} s, slowest OK after {SlowestOkSeconds:0.000} s");
    }

    public static async Task<Result> RunAsync(Uri address, int calls, int saturation = 128, int deadlineMs = 20)
    {
        using var clientChannel = Channels.For(address);
        var client = new Contracts.V1.DirectoryService.DirectoryServiceClient(clientChannel);
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, saturation).Select(i => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                try { await DirectoryCalls.Search(client, i % 2 == 0 ? "migration" : "office"); } catch (RpcException) { }
        })).ToList();
        await Task.Delay(1000);

        using var raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = address, DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, Timeout = Timeout.InfiniteTimeSpan };
        var outcomes = await Task.WhenAll(Enumerable.Range(0, calls).Select(i => Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            var status = i % 2 == 0 ? await ViaClientAsync(client, deadlineMs) : await RawAsync(raw, deadlineMs);
            return (Status: status, Seconds: clock.Elapsed.TotalSeconds);
        })));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        return new Result(calls, outcomes.Count(o => o.Status == "DeadlineExceeded"), outcomes.Count(o => o.Status == "OK"),
            outcomes.Select(o => o.Status).Where(s => s is not "DeadlineExceeded" and not "OK").ToList(), outcomes.Max(o => o.Seconds),
            outcomes.Where(o => o.Status == "OK").Select(o => o.Seconds).DefaultIfEmpty(0).Max());
    }

    private static async Task<string> ViaClientAsync(Contracts.V1.DirectoryService.DirectoryServiceClient client, int deadlineMs)
    {
        try
        {
            await DirectoryCalls.Search(client, "humanitarian", new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(deadlineMs)));
            return "OK";
        }
        catch (RpcException ex)
        {
            return ex.StatusCode.ToString();
        }
    }

    /// <summary>Only the server enforces this deadline; 60 s without an answer counts as a hang.</summary>
    private static async Task<string> RawAsync(HttpClient http, int deadlineMs)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/iom.directory.v1.DirectoryService/SearchDirectory")
        {
            Content = new ByteArrayContent(GrpcFrame.Of(new Contracts.V1.SearchDirectoryRequest { Query = "humanitarian", PageSize = 20 })),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", deadlineMs + "m");
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, hang.Token);
            var status = response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.First()
                : response.Headers.TryGetValues("grpc-status", out var h) ? h.First() : "none";
            return status switch { "0" => "OK", "4" => "DeadlineExceeded", _ => "grpc-status " + status };
        }
        catch (OperationCanceledException)
        {
            return "hang";
        }
        catch (HttpRequestException ex)
        {
            return "transport: " + ex.HttpRequestError;
        }
    }
}
