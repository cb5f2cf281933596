using System.CommandLine;
using Google.Protobuf;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;
using Spectre.Console;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir import: ImportDirectory with a one-file JSON document; --dry-run shows the difference, --apply writes it.</summary>
public static class ImportCommand
{
    private const long LargeFile = 256 * 1024;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "One JSON document in the data/ interchange format (as 'iomdir export' writes)" }.AcceptExistingOnly();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the difference, change nothing" };
        var apply = new Option<bool>("--apply") { Description = "Apply the difference (needs --reason and the admin role)" };
        var reason = new Option<string?>("--reason") { Description = "Why; recorded in the audit trail (required with --apply)", HelpName = "TEXT" };

        var command = new Command("import", "Imports a reorganization: shows what would change (--dry-run) or applies it (--apply).")
        {
            file, dryRun, apply, reason,
        };
        command.WithExamples("iomdir import reorg.json --dry-run", "iomdir import reorg.json --apply --reason \"DG bulletin 2025/07\"");
        command.Validators.Add(result =>
        {
            var isDry = result.GetValue(dryRun);
            var isApply = result.GetValue(apply);
            if (isDry == isApply)
                result.AddError("Say either --dry-run or --apply.");
            else if (isApply && string.IsNullOrWhiteSpace(result.GetValue(reason)))
                result.AddError("--apply needs --reason TEXT.");
        });
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var path = parse.GetValue(file)!;
            var request = new ImportDirectoryRequest { DryRun = parse.GetValue(dryRun), Reason = parse.GetValue(reason) ?? "" };
            ImportDirectoryResponse response;
            if (context.Output.Animated && path.Length >= LargeFile)
            {
                response = await context.Output.Err.Progress().AutoClear(true).StartAsync(async progress =>
                {
                    var reading = progress.AddTask($"Reading {path.Name}", maxValue: path.Length);
                    request.Content = await ReadAsync(path, reading, context.Cancellation);
                    var sending = progress.AddTask(request.DryRun ? "Server comparing" : "Server applying").IsIndeterminate();
                    var result = await Send(context, request);
                    sending.StopTask();
                    return result;
                });
            }
            else
            {
                request.Content = ByteString.CopyFrom(await File.ReadAllBytesAsync(path.FullName, context.Cancellation));
                response = await Send(context, request);
            }

            return context.Output.Result(response, Print);
        }));
        return command;
    }

    private static Task<ImportDirectoryResponse> Send(CliContext context, ImportDirectoryRequest request) =>
        context.CallAsync(context.Admin.ImportDirectoryAsync, request);

    private static async Task<ByteString> ReadAsync(FileInfo file, ProgressTask task, CancellationToken cancellation)
    {
        await using var stream = file.OpenRead();
        using var buffer = new MemoryStream((int)file.Length);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
            task.Increment(read);
        }
        return ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The changes as a table, then each update's values now → in the document, one line each (whole, unwrapped: JSON is long).</summary>
    private static void Print(Terminal output, ImportDirectoryResponse response)
    {
        if (response.Changes.Count > 0)
        {
            var table = Terminal.Table("change", "kind", "id", "fields");
            foreach (var c in response.Changes)
                table.AddRow(new Text(c.Change), new Text(c.Kind), new Text(c.Id), new Text(string.Join(", ", c.Fields)));
            output.Render(table);
        }
        foreach (var c in response.Changes.Where(c => c.Values.Count > 0))
        {
            output.Raw($"{c.Kind} {c.Id}, now → in the document:");
            foreach (var value in c.Values)
                output.Raw("  " + MessageText.Change(value));
        }
        if (response.ChangesWithoutValues > 0)
            output.Line($"{response.ChangesWithoutValues} change(s) are listed without their values, to keep the answer bounded; import a smaller document to see them.");
        var creates = response.Changes.Count(c => c.Change == "create");
        var summary = $"{response.Changes.Count} change(s): {creates} to create, {response.Changes.Count - creates} to update; {response.Unchanged} unchanged.";
        output.Line(response.Applied
            ? $"Applied. {summary} Change sequence {response.Sequence}."
            : $"Dry run, nothing changed. {summary} Apply with --apply --reason TEXT.");
    }
}
