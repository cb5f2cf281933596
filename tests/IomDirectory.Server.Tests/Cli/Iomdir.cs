using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace IomDirectory.Server.Tests.Cli;

/// <summary>
/// Runs the built iomdir.dll as a process (output redirected, so plain text), with none of the developer's
/// IOMDIR_* variables, and a timeout.
/// </summary>
public static class Iomdir
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string DllPath { get; } = typeof(Iomdir).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "IomdirCliPath").Value!;

    private static readonly string NoConfig = Path.Combine(Path.GetTempPath(), "iomdir-tests", "no-config");

    public static Task<Outcome> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>With these environment variables set (after the developer's IOMDIR_* ones are removed).</summary>
    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        Assert.That(File.Exists(DllPath), Is.True, $"the CLI is built beside the tests: {DllPath}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var variable in new[] { "IOMDIR_SERVER", "IOMDIR_TOKEN", "IOMDIR_DB", "IOMDIR_AUTHORITY", "IOMDIR_CLIENT_ID", "NO_COLOR" })
            start.Environment.Remove(variable);
        // Never the developer's own 'iomdir login': a config folder with no sign-in in it, unless the test gives one.
        start.Environment["XDG_CONFIG_HOME"] = NoConfig;
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"iomdir {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s");
        }
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json() => JsonDocument.Parse(Stdout).RootElement;

        /// <summary>Asserts success: exit 0, nothing on stderr, no colour codes (output is redirected).</summary>
        public Outcome Ok()
        {
            Assert.That(ExitCode, Is.EqualTo(0), ToString());
            Assert.That(Stderr, Is.Empty, ToString());
            Assert.That(Stdout.Contains('\u001b', StringComparison.Ordinal), Is.False, "no colour codes when output is redirected");
            return this;
        }

        /// <summary>Asserts a failure: this exit code, one "iomdir: …" line on stderr, no stack trace; returns that line.</summary>
        public string Failed(int exitCode)
        {
            Assert.That(ExitCode, Is.EqualTo(exitCode), ToString());
            Assert.That(Stderr, Does.StartWith("iomdir: "), ToString());
            Assert.That(Stderr, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(Stdout, Is.Empty, ToString());
            return Stderr;
        }

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }
}
