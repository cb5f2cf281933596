using IomDirectory.Testing;
using Google.Protobuf;
using IomDirectory.Bench.Support;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Bench.Wire;

/// <summary>
/// h2load against one target. h2load never reads grpc-status, so gRPC success is checked two ways: every
/// response must carry exactly the DATA bytes of the reference answer (a Trailers-Only error carries none), and
/// a real client calling the same method during the run must get the reference answer every time.
/// </summary>
public sealed class WireRun
{
    public sealed record Outcome(string Build, string Target, int Round, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests,
        int Samples, bool AllOk, string Problem);

    private readonly string _build;
    private readonly ServerUnderTest _server;
    private readonly WireTarget _target;
    private readonly WireOptions _options;
    private readonly string _frameFile;
    private readonly string _logFile;
    private readonly IMessage? _reference;
    private readonly long _responseBytes;

    private WireRun(string build, ServerUnderTest server, WireTarget target, WireOptions options, ScratchFolder work, IMessage? reference)
    {
        _build = build;
        _server = server;
        _target = target;
        _options = options;
        _reference = reference;
        _responseBytes = 5 + (reference?.CalculateSize() ?? 0);
        var slug = build + new string(target.Name.Where(char.IsLetterOrDigit).ToArray());
        _frameFile = work.File(slug + ".bin");
        _logFile = work.File(slug + ".log");
        File.WriteAllBytes(_frameFile, GrpcFrame.Of(target.Request));
    }

    /// <summary>Makes the reference call; null when the server does not serve the method (UNIMPLEMENTED).</summary>
    public static async Task<WireRun?> PrepareAsync(string build, ServerUnderTest server, WireTarget target, ScratchFolder work, WireOptions options)
    {
        IMessage? reference = null;
        if (target.Call is not null)
        {
            try
            {
                reference = await target.Call(server.Client);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
            {
                return null;
            }
        }
        return new WireRun(build, server, target, options, work, reference);
    }

    public async Task<Outcome> MeasureAsync(int round)
    {
        var url = new Uri(_server.Address, _target.Path);
        if (round == 1)
            await H2Load.RunAsync(url, _frameFile, _options.Connections, _options.Streams, _options.WarmUpSeconds, _logFile);

        using var stop = new CancellationTokenSource();
        var sampler = SampleAsync(stop.Token);
        var result = await H2Load.RunAsync(url, _frameFile, _options.Connections, _options.Streams, _options.Seconds, _logFile);
        await stop.CancelAsync();
        var (samples, badSamples) = await sampler;

        var problems = new List<string>();
        if (result.Failed + result.Errored > 0) problems.Add($"{result.Failed} failed, {result.Errored} errored streams");
        if (result.DataBytes != result.Succeeded * _responseBytes)
            problems.Add($"DATA bytes {result.DataBytes} != {result.Succeeded} responses × {_responseBytes} (some answers were not the OK reply)");
        if (badSamples > 0) problems.Add($"{badSamples} of {samples} real-client samples differed from the reference");
        return new Outcome(_build, _target.Name, round, result.RequestsPerSecond, Stats.Percentile(result.LatenciesMs, 50),
            Stats.Percentile(result.LatenciesMs, 99), result.Succeeded, samples, problems.Count == 0, string.Join("; ", problems));
    }

    private async Task<(int Samples, int Bad)> SampleAsync(CancellationToken stop)
    {
        if (_target.Call is null) return (0, 0);
        var (samples, bad) = (0, 0);
        while (!stop.IsCancellationRequested)
        {
            samples++;
            try
            {
                if (!(await _target.Call(_server.Client)).Equals(_reference)) bad++;
            }
            catch (RpcException)
            {
                bad++;
            }
            try { await Task.Delay(100, stop); } catch (OperationCanceledException) { }
        }
        return (samples, bad);
    }
}
