using System.Diagnostics;
using System.Text;

namespace IomDirectory.Testing;

/// <summary>What a finished (or killed) external process left behind.</summary>
public sealed record ProcessOutcome(int ExitCode, bool TimedOut, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public string Describe(string command) =>
        $"{command}\n{(TimedOut ? "timed out and was killed" : $"exit code {ExitCode}")}\n--- stdout + stderr ---\n{Output}";
}

/// <summary>Runs a program to completion with a time limit, collecting stdout and stderr in arrival order.</summary>
public static class ExternalProcess
{
    public static async Task<ProcessOutcome> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return new ProcessOutcome(-1, false, $"could not start {fileName}: {error.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(); // drains the redirected streams
        lock (output)
            return new ProcessOutcome(timedOut ? -1 : process.ExitCode, timedOut, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
