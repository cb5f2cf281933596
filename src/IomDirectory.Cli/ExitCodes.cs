namespace IomDirectory.Cli;

/// <summary>The process exit codes (README, "Command-line client").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Invalid = 4;
    public const int Unauthorized = 5;
    public const int Unavailable = 6;
    public const int Conflict = 7;
}
