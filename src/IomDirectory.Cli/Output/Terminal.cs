using Google.Protobuf;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IomDirectory.Cli.Output;

/// <summary>
/// Where commands write: JSON (protobuf JSON mapping) or human-readable text and tables on stdout, failures on
/// stderr. Colour and animation only on a terminal: redirected output (or NO_COLOR) gets plain text.
/// </summary>
public sealed class Terminal(bool json)
{
    private static readonly JsonFormatter Indented = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation("  "));
    private static readonly JsonFormatter OneLine = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public bool Json { get; } = json;

    public IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>Progress and spinners go here, so stdout stays clean for pipes.</summary>
    public IAnsiConsole Err { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>True when progress animation may be drawn (stderr is a terminal).</summary>
    public bool Animated => !Console.IsErrorRedirected && Err.Profile.Capabilities.Interactive;

    /// <summary>The command's result: the message as JSON, or the human rendering of it.</summary>
    public int Result<T>(T message, Action<Terminal, T> human)
        where T : IMessage
    {
        if (Json)
            Message(message);
        else
            human(this, message);
        return ExitCodes.Ok;
    }

    public void Message(IMessage message) => Console.Out.WriteLine(Indented.Format(message));

    /// <summary>A JSON array of messages, one per line.</summary>
    public void Messages(IEnumerable<IMessage> messages) =>
        Console.Out.WriteLine("[" + string.Join(",\n ", messages.Select(m => OneLine.Format(m))) + "]");

    /// <summary>One message per line (JSON Lines), for streams that may never end.</summary>
    public void MessageLine(IMessage message)
    {
        Console.Out.WriteLine(OneLine.Format(message));
        Console.Out.Flush();
    }

    public void Raw(string json) => Console.Out.WriteLine(json);

    public void Line(string text = "") => Out.WriteLine(text);

    public void Render(IRenderable renderable) => Out.Write(renderable);

    public void Error(string message) => Console.Error.WriteLine("iomdir: " + message);

    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
            table.AddColumn(new TableColumn(column));
        return table;
    }

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var plain = redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected)
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : 200;
        return console;
    }
}
