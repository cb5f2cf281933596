using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using System.Diagnostics;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Wire;

/// <summary>
/// The earlier build `wire --baseline` measures beside this one: a folder that holds a published
/// IomDirectory.Server.dll (with its data/), or a git revision of this repository, checked out into a temporary
/// worktree and published as deployed (Release, ReadyToRun) under bench/results/baseline-REV/, once per revision.
/// </summary>
public static class BaselineBuild
{
    public static string Resolve(string revisionOrFolder)
    {
        var direct = Path.Combine(Path.GetFullPath(revisionOrFolder), "IomDirectory.Server.dll");
        if (File.Exists(direct)) return direct;

        var revision = Git("rev-parse", "--short", revisionOrFolder + "^{commit}").Trim();
        var output = Path.Combine(BenchPaths.Results, "baseline-" + revision);
        var assembly = Path.Combine(output, "IomDirectory.Server.dll");
        if (File.Exists(assembly)) return assembly;

        var checkout = Path.Combine(Path.GetTempPath(), "iomdir-baseline-" + revision);
        if (Directory.Exists(checkout)) Git("worktree", "remove", "--force", checkout);
        Git("worktree", "add", "--detach", checkout, revision);
        try
        {
            Console.WriteLine($"Baseline: revision {revision}");
            return ServerUnderTest.Publish(checkout, output);
        }
        finally
        {
            Git("worktree", "remove", "--force", checkout);
        }
    }

    /// <summary>The data/ folder published with a build (each build reads the seed and lexicon format it was written for).</summary>
    public static string DataOf(string serverAssembly) => Path.Combine(Path.GetDirectoryName(serverAssembly)!, "data");

    private static string Git(params string[] args)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = BenchPaths.Root };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var git = Process.Start(info)!;
        var stdout = git.StandardOutput.ReadToEndAsync();
        var stderr = git.StandardError.ReadToEndAsync();
        git.WaitForExit();
        return git.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr.Result}");
    }
}
