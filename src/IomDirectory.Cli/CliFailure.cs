namespace IomDirectory.Cli;

/// <summary>An expected failure: reported as one line on stderr, no stack trace, with its exit code.</summary>
public sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
