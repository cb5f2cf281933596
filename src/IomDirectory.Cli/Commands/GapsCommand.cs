using System.CommandLine;
using System.Globalization;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir gaps: ListReachabilityGaps, the records nobody can be reached at, most asked about first.</summary>
public static class GapsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "At most this many records (1..1000; default 50)", HelpName = "N" };
        var command = new Command("gaps",
            "Lists the records with no e-mail address, phone or route, those routing put first most often recently first: " +
            "what to ask the organization for first. Needs a token (reader or higher).") { limit };
        command.WithExamples("iomdir gaps --limit 20");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var response = await context.CallAsync(context.Admin.ListReachabilityGapsAsync,
                new ListReachabilityGapsRequest { MaxResults = parse.GetValue(limit) });
            if (context.Output.Json)
            {
                context.Output.Message(response);
                return ExitCodes.Ok;
            }
            context.Output.Line($"{response.Total} records cannot be reached (no e-mail address, phone or route); showing {response.Gaps.Count}, most often first recently first.");
            context.Output.Line($"{"first",7}  {"kind",-12} {"id",-40} name");
            foreach (var gap in response.Gaps)
                context.Output.Line($"{gap.RecentFirstCount.ToString("0.##", CultureInfo.InvariantCulture),7}  {gap.Kind,-12} {gap.Id,-40} {gap.Name}");
            context.Output.Line("Fill one with 'iomdir edit KIND ID --set channels.emails=… --reason …' once the organization gives the address.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
