using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Reliability;

/// <summary>
/// `reliability-long`: the full-size reliability runs against one server process on the real data/ — 200k calls at
/// 256 streams, 100k junk requests, short deadlines under saturation, 2,000 idle connections and 40 stalled JSON
/// bodies against the web endpoint — each printed with PASS/FAIL and its figures.
/// </summary>
public static class LongReliabilityRun
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var requests = CommandLine.Int(args, "--requests", 200_000);
        var junk = CommandLine.Int(args, "--junk", 100_000);
        using var work = new ScratchFolder();
        var web = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        await using var server = await ServerUnderTest.StartAsync(work.File("reliability.db"), BenchPaths.Data, "--web-urls", web.ToString());
        var table = new ResultTable("check", "result", "figures");
        var passed = true;

        var load = await LoadRun.RunAsync(server.Address, server.Id, requests, 256);
        passed &= Report(table, "Load: zero non-OK; RSS within 10% of after warm-up", load.NonOk == 0 && load.MemoryGrowth <= 0.10, load.ToString());

        var junkRun = await JunkRun.RunAsync(server.Address, server.Id, junk);
        passed &= Report(table, "Junk: every request answered; valid calls keep working; RSS flat (≤ 10%)",
            junkRun.Unanswered == 0 && junkRun.FailedValidCalls == 0 && !server.HasExited && junkRun.MemoryGrowth <= 0.10, junkRun.ToString());

        var deadlines = await DeadlineRun.RunAsync(server.Address, 1000);
        passed &= Report(table, "Deadlines under saturation: DEADLINE_EXCEEDED (or OK), never a hang",
            deadlines.Other.Count == 0 && deadlines.DeadlineExceeded > 0, deadlines.ToString());

        var holding = await HoldingRun.RunAsync(server.Address, web, server.Id);
        passed &= Report(table, "Holding the web endpoint: over-limit bodies 413, stalled ones 408 within the deadline; gRPC answers; RSS ≤ +25%",
            holding.StalledAnswered == holding.Stalled && holding.ValidFailed == 0 && holding.WebAnswersAfter && !server.HasExited
            && holding.MemoryGrowth <= 0.25, holding.ToString());

        Console.WriteLine();
        table.Print(Console.Out);
        Console.WriteLine("Saved " + table.SaveCsv(Path.Combine(BenchPaths.Results, "reliability-long.csv")));
        Console.WriteLine(passed ? "reliability-long: PASS" : "reliability-long: FAIL");
        return passed ? 0 : 1;
    }

    private static bool Report(ResultTable table, string check, bool ok, string figures)
    {
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {check}\n      {figures}");
        table.Add(check, ok ? "PASS" : "FAIL", figures);
        return ok;
    }
}
