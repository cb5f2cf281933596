using System.CommandLine;

namespace IomDirectory.Cli;

/// <summary>Options every command takes: where the server is, the bearer token, and machine-readable output.</summary>
public static class GlobalOptions
{
    public const string DefaultServer = "http://127.0.0.1:5080";
    public const string ServerVariable = "IOMDIR_SERVER";
    public const string TokenVariable = "IOMDIR_TOKEN";

    public static readonly Option<string> Server = new("--server")
    {
        Description = $"Server address (default ${ServerVariable}, else {DefaultServer})",
        HelpName = "URL",
        Recursive = true,
        DefaultValueFactory = _ => NonEmpty(Environment.GetEnvironmentVariable(ServerVariable)) ?? DefaultServer,
    };

    /// <summary>
    /// No default value here: help prints an option's default, and a token is a credential that must not end up in a
    /// screenshot or a shared screen. <see cref="TokenOf"/> falls back to the environment when the option is absent.
    /// </summary>
    public static readonly Option<string?> Token = new("--token")
    {
        Description = $"Bearer token for admin commands (default ${TokenVariable}, else the one 'iomdir login' kept; 'iomdir token' mints a local one)",
        HelpName = "TOKEN",
        Recursive = true,
    };

    /// <summary>The token given with --token, else the one in $IOMDIR_TOKEN, else none.</summary>
    public static string? TokenOf(ParseResult parse) =>
        NonEmpty(parse.GetValue(Token)) ?? NonEmpty(Environment.GetEnvironmentVariable(TokenVariable));

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine-readable JSON on stdout (protobuf JSON mapping: camelCase names, 64-bit integers as strings)",
        Recursive = true,
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
