using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using System.Globalization;

namespace IomDirectory.Bench.Support;

/// <summary>"--name value" options of the subcommands.</summary>
public static class CommandLine
{
    public static int Int(IReadOnlyList<string> args, string name, int fallback) =>
        Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
            if (args[i] == name) return args[i + 1];
        return null;
    }

    public static bool Flag(IReadOnlyList<string> args, string name) => args.Contains(name);
}
