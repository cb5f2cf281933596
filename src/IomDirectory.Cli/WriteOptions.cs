using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli;

/// <summary>
/// What every write carries: a required reason, an optional effective date, and optionally the version the
/// caller last saw (by default the version the command reads just before writing).
/// </summary>
public sealed class WriteOptions
{
    public Option<string> Reason { get; } = new("--reason")
    {
        Description = "Why (a ticket reference, a decision…); recorded in the audit trail",
        HelpName = "TEXT",
        Required = true,
    };

    public Option<Timestamp?> Effective { get; } = Dates.Option("--effective", "When the change takes effect (default now; a future date schedules it)");

    public Option<long?> ExpectedVersion { get; } = new("--expected-version")
    {
        Description = "Write only if the record is still at this version (default: the version read just before writing)",
        HelpName = "N",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Reason);
        command.Options.Add(Effective);
        command.Options.Add(ExpectedVersion);
    }

    public WriteContext Context(ParseResult parse)
    {
        var write = new WriteContext { Reason = parse.GetValue(Reason)! };
        if (parse.GetValue(Effective) is { } effective)
            write.EffectiveFrom = effective;
        return write;
    }

    public long Version(ParseResult parse, long current) => parse.GetValue(ExpectedVersion) ?? current;
}
