using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IomDirectory.Bench.Wire;

/// <summary>
/// Runs h2load (Debian nghttp2-client, installed when missing) with a ready-made gRPC request frame and reads
/// back what it measured: requests/s, outcome counts, response DATA bytes, and per-request latencies from
/// its --log-file.
/// </summary>
public static partial class H2Load
{
    public sealed record Result(double RequestsPerSecond, long Succeeded, long Failed, long Errored, long DataBytes,
        IReadOnlyList<double> LatenciesMs, string Output);

    public static async Task EnsureInstalledAsync()
    {
        if (await Which("h2load")) return;
        Console.WriteLine("h2load is missing: installing Debian package nghttp2-client");
        var root = Environment.UserName == "root";
        await RunChecked(root ? "apt-get" : "sudo", root ? ["update", "-qq"] : ["apt-get", "update", "-qq"]);
        string[] install = ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "nghttp2-client"];
        await RunChecked(root ? install[0] : "sudo", root ? install[1..] : install);
        if (!await Which("h2load")) throw new InvalidOperationException("h2load is still missing after installing nghttp2-client");
    }

    /// <summary>One timed run (no --warm-up-time: h2load adds warm-up bytes to its data total; warm up with a separate run).</summary>
    public static async Task<Result> RunAsync(Uri url, string frameFile, int connections, int streamsPerConnection, int seconds, string logFile)
    {
        File.Delete(logFile);   // h2load appends to an existing log file
        var (exit, output) = await Run("h2load", [url.ToString(), "-d", frameFile, "-H", "content-type: application/grpc", "-H", "te: trailers",
            "-c", connections.ToString(CultureInfo.InvariantCulture), "-m", streamsPerConnection.ToString(CultureInfo.InvariantCulture),
            "-D", seconds.ToString(CultureInfo.InvariantCulture), "--log-file", logFile]);
        if (exit != 0) throw new InvalidOperationException($"h2load exited with {exit}:\n{output}");

        var finished = Finished().Match(output);
        var requests = Requests().Match(output);
        var traffic = Traffic().Match(output);
        if (!finished.Success || !requests.Success || !traffic.Success) throw new FormatException("Unexpected h2load output:\n" + output);
        var latencies = File.ReadLines(logFile)
            .Select(line => line.Split('\t'))
            .Where(cols => cols.Length >= 3 && cols[1] == "200")
            .Select(cols => long.Parse(cols[2], CultureInfo.InvariantCulture) / 1000.0)
            .ToList();
        return new Result(Number(finished, 1), (long)Number(requests, 1), (long)Number(requests, 2), (long)Number(requests, 3),
            (long)Number(traffic, 1), latencies, output);
    }

    private static double Number(Match m, int group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"finished in [\d.]+s, ([\d.]+) req/s")]
    private static partial Regex Finished();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored")]
    private static partial Regex Requests();

    [GeneratedRegex(@"traffic: .*?, .*? headers \(.*?\), [\d.]+[KMG]?B \((\d+)\) data")]
    private static partial Regex Traffic();

    private static async Task<bool> Which(string program) => (await Run("sh", ["-c", "command -v " + program])).Exit == 0;

    private static async Task RunChecked(string program, string[] args)
    {
        var (exit, output) = await Run(program, args);
        if (exit != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({exit}):\n{output}");
    }

    private static async Task<(int Exit, string Output)> Run(string program, string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
