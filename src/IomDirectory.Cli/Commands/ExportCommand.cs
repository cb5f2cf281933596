using System.CommandLine;
using System.Text.Json;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir export: ExportDirectory's chunks joined into one JSON document, to stdout or a file.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var asOf = Dates.AsOfOption("The directory as it stood on this date (default now)");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of stdout", HelpName = "FILE" };

        var command = new Command("export", "Exports the directory as one JSON document (the format 'iomdir import' reads).")
        {
            asOf, output,
        };
        command.WithExamples("iomdir export -o directory.json", "iomdir export --as-of 2024-01-01 > before-reorg.json");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var request = new ExportDirectoryRequest { AsOf = parse.GetValue(asOf) };
            var target = parse.GetValue(output);
            await using Stream sink = target is null ? Console.OpenStandardOutput() : new MemoryStream();
            long bytes = 0;
            await foreach (var chunk in context.StreamAsync(context.Admin.ExportDirectory, request))
            {
                chunk.Data.WriteTo(sink);
                bytes += chunk.Data.Length;
            }
            if (target is null)
                return ExitCodes.Ok;

            // Only a complete document reaches the file: a failed stream leaves an existing file as it was.
            await File.WriteAllBytesAsync(target.FullName, ((MemoryStream)sink).ToArray(), context.Cancellation);
            if (context.Output.Json)
                context.Output.Raw(JsonSerializer.Serialize(new { file = target.FullName, bytes }));
            else
                context.Output.Line($"Wrote {bytes} bytes to {target.FullName}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
