using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IomDirectory.Testing;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Testing.Reliability;

/// <summary>
/// Holding the web endpoint without sending: JSON requests whose bodies stall (half declaring a body far over the
/// route's limit, half one under it that stops after its first kilobyte) and then idle TCP connections that never
/// send a byte, many more than the endpoint's connection cap. Meanwhile a client calls the gRPC endpoint without a
/// pause, and the server's resident memory is sampled. The server must refuse the over-limit bodies at once (413),
/// end the stalled ones within its body deadline (408), close the connections over its cap as they arrive, answer
/// every gRPC call, and keep its memory flat; once the idle connections go, the web endpoint answers again.
/// </summary>
public static class HoldingRun
{
    private const string SuggestPath = "/v1/contacts:suggest";

    public sealed record Result(int Idle, int IdleHeld, int Stalled, int StalledAnswered, string StalledStatuses, TimeSpan LongestStall,
        int ValidCalls, int ValidFailed, bool WebAnswersAfter, long ResidentBefore, long ResidentDuring)
    {
        public double MemoryGrowth => (double)ResidentDuring / ResidentBefore - 1;

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Idle} idle connections ({IdleHeld} held by the server, the rest closed at its cap); {Stalled} stalled JSON bodies, " +
            $"{StalledAnswered} answered ({StalledStatuses}), the last after {LongestStall.TotalSeconds:0.0} s; " +
            $"{ValidCalls} gRPC calls meanwhile, {ValidFailed} failed; web endpoint answers after: {WebAnswersAfter}; " +
            $"RSS before {Stats.ToMegabytes(ResidentBefore):0} MB, during (median) {Stats.ToMegabytes(ResidentDuring):0} MB ({MemoryGrowth:+0.0%;-0.0%})");
    }

    public static async Task<Result> RunAsync(Uri grpc, Uri web, int serverPid, int idle = 2000, int stalled = 40, TimeSpan? hold = null)
    {
        var holdFor = hold ?? TimeSpan.FromSeconds(15);
        using var channel = Channels.For(grpc);
        var client = new Contracts.V1.DirectoryService.DirectoryServiceClient(channel);
        for (var i = 0; i < 200; i++) await DirectoryCalls.Mixed(client, i);   // warm
        var before = ResidentMemory.Of(serverPid);

        var sockets = new List<Socket>();
        try
        {
            var clock = Stopwatch.StartNew();
            var stalls = new List<Task<(string Status, TimeSpan At)>>();
            for (var i = 0; i < stalled; i++)
            {
                var socket = await ConnectAsync(web);
                sockets.Add(socket);
                stalls.Add(StallAsync(socket, web, declared: i % 2 == 0 ? 29_000_000 : 60_000, clock, holdFor + TimeSpan.FromSeconds(10)));
            }
            for (var i = 0; i < idle; i++)
            {
                try
                {
                    sockets.Add(await ConnectAsync(web));
                }
                catch (SocketException)
                {
                    // the kernel's accept queue was full for a moment: that connection was refused, which is fine
                }
            }
            await Task.Delay(1000);
            var held = sockets.Skip(stalled).Count(IsOpen);

            var failed = 0;
            var calls = 0;
            var (_, during) = await ResidentSampler.DuringAsync(serverPid, async () =>
            {
                var until = Stopwatch.StartNew();
                while (until.Elapsed < holdFor)
                {
                    try
                    {
                        await DirectoryCalls.Mixed(client, calls);
                    }
                    catch (Grpc.Core.RpcException)
                    {
                        failed++;
                    }
                    calls++;
                }
                return 0;
            });
            var outcomes = await Task.WhenAll(stalls);
            foreach (var socket in sockets) socket.Dispose();
            sockets.Clear();
            var answersAfter = await WebAnswersAsync(web);
            var statuses = string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}× {g.Key}"));
            return new Result(idle, held, stalled, outcomes.Count(o => o.Status.StartsWith("HTTP", StringComparison.Ordinal)), statuses,
                outcomes.Max(o => o.At), calls, failed, answersAfter, before, during);
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }
    }

    private static async Task<Socket> ConnectAsync(Uri address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Parse(address.Host), address.Port);
        return socket;
    }

    /// <summary>Whether the server still holds the connection: not closed from its side.</summary>
    private static bool IsOpen(Socket socket)
    {
        try
        {
            return !(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Declares a body, sends its first kilobyte, then nothing; returns the status line the server answered and when.</summary>
    private static async Task<(string Status, TimeSpan At)> StallAsync(Socket socket, Uri address, int declared, Stopwatch clock, TimeSpan cap)
    {
        var head = $"POST {SuggestPath} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {declared}\r\n\r\n";
        var body = Encoding.ASCII.GetBytes("{\"query\":\"" + new string('a', 1000));
        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None);
            await socket.SendAsync(body, SocketFlags.None);
            var buffer = new byte[4096];
            using var timeout = new CancellationTokenSource(cap);
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (received == 0) return ("closed without an answer", clock.Elapsed);
            var text = Encoding.ASCII.GetString(buffer, 0, received);
            return (text[..Math.Max(0, text.IndexOf('\r'))].Replace("HTTP/1.1", "HTTP", StringComparison.Ordinal), clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return ("still open", clock.Elapsed);
        }
        catch (SocketException ex)
        {
            return ($"reset ({ex.SocketErrorCode})", clock.Elapsed);
        }
    }

    /// <summary>A JSON read on the web endpoint, retried for a while: the server frees the slots of closed connections as it notices them.</summary>
    private static async Task<bool> WebAnswersAsync(Uri web)
    {
        using var http = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 40; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("/v1/units/dhrr");
                if (response.IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        return false;
    }
}
