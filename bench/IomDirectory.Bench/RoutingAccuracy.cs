using System.Globalization;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Bench;

/// <summary>
/// Starts the real server in-process on a loopback port over a fresh SQLite file, sends every dev-set question over
/// gRPC with the project's client, and prints top-1 / top-3 accuracy and every miss with what came back, then the
/// not-confident flag's precision and recall over all sets. Without an argument it scores the three shared dev sets
/// (routing-dev-set.tsv, -2.tsv and -3.tsv), one after the other.
/// A dev set's optional 7th column is the request's as_of (YYYY-MM-DD).
/// </summary>
internal static class RoutingAccuracy
{
    private sealed record Item(string Id, string Language, string Country, string Query, DevSetLabel Top1, DevSetLabel Top3, string AsOf);

    public static async Task<int> RunAsync(string[] args)
    {
        var devSets = args.Length > 0 ? args : [BenchPaths.DevSet, BenchPaths.DevSet2, BenchPaths.DevSet3];
        var app = await ServerHost.BuildAsync(["--db", BenchPaths.TempDatabase(), "--data", BenchPaths.Data, "--urls", "http://127.0.0.1:0", "--web-urls", "none",
            "--Logging:LogLevel:Default=Warning"]) ?? throw new InvalidOperationException("The server did not start.");
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var channel = Channels.For(new Uri(address));
            var client = new RoutingService.RoutingServiceClient(channel);
            var flag = new FlagCount();
            foreach (var devSet in devSets)
                await ScoreAsync(client, devSet, flag);
            flag.Print(devSets.Length);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// The not-confident flag over every set scored: a question labelled "unconfident" is a positive; the answer flags it
    /// when confident = false. Precision: of the answers flagged, those labelled so; recall: of those labelled, those flagged.
    /// </summary>
    private sealed class FlagCount
    {
        public int Flagged, Labelled, Both;

        public void Add(bool labelled, bool flagged)
        {
            Labelled += labelled ? 1 : 0;
            Flagged += flagged ? 1 : 0;
            Both += labelled && flagged ? 1 : 0;
        }

        public void Print(int sets)
        {
            static string Ratio(int a, int b) => b == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{(double)a / b:0.000} ({a}/{b})");
            Console.WriteLine($"not-confident flag over the {sets} set(s): precision {Ratio(Both, Flagged)}, recall {Ratio(Both, Labelled)}");
        }
    }

    private static async Task ScoreAsync(RoutingService.RoutingServiceClient client, string devSet, FlagCount flag)
    {
        var items = File.ReadLines(devSet).Skip(1).Where(l => l.Trim().Length > 0).Select(Parse).ToList();
        int top1 = 0, top3 = 0, reachable = 0, unreachable = 0;
        var misses = new List<string>();
        foreach (var item in items)
        {
            var request = new SuggestContactsRequest { Query = item.Query, AskerCountry = item.Country };
            if (item.AsOf.Length > 0)
                request.AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(
                    DateTime.SpecifyKind(DateTime.ParseExact(item.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc));
            var response = await client.SuggestContactsAsync(request);
            bool InTop3(DevSetLabel label) => Enumerable.Range(0, 3).Any(i => label.Matches(response, i));
            var hit1 = item.Top1.Matches(response, 0);
            var hit3 = InTop3(item.Top1) && (item.Top3.IsEmpty || InTop3(item.Top3));
            flag.Add(item.Top1.Text == "unconfident", !response.Confident);
            if (item.Top1.Text != "unconfident" && !response.Confident)
                misses.Add(Describe(item, response, hit1, hit3) + Environment.NewLine + "    (a real question answered with confident = false)");
            else if (!hit1 || !hit3) misses.Add(Describe(item, response, hit1, hit3));
            top1 += hit1 ? 1 : 0;
            top3 += hit3 ? 1 : 0;
            if (response.Suggestions.Count > 0 && CanBeReached(response.Suggestions[0])) reachable++;
            else unreachable++;
        }
        Console.WriteLine($"routing-accuracy: {items.Count} questions from {devSet}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"top-1 accuracy: {(double)top1 / items.Count:0.000} ({top1}/{items.Count})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"top-3 accuracy: {(double)top3 / items.Count:0.000} ({top3}/{items.Count})"));
        Console.WriteLine($"first suggestion can be reached: {reachable}, cannot: {unreachable} (of {items.Count})");
        Console.WriteLine($"misses: {misses.Count}");
        foreach (var miss in misses) Console.WriteLine(miss);
        Console.WriteLine();
    }

    /// <summary>Whether a suggestion can be reached: an e-mail address or phone of its own, or a route to an address.</summary>
    private static bool CanBeReached(ContactSuggestion suggestion) => suggestion.Reachable;

    private static Item Parse(string line)
    {
        var f = line.Split('\t');
        string At(int i) => i < f.Length ? f[i].Trim() : "";
        return new Item(At(0), At(1), At(2), At(3), new DevSetLabel(At(4)), new DevSetLabel(At(5)), At(6));
    }

    private static string Describe(Item item, SuggestContactsResponse response, bool hit1, bool hit3)
    {
        var lines = new List<string>
        {
            $"- {item.Id} [{item.Language}{(item.Country.Length > 0 ? " " + item.Country : "")}{(item.AsOf.Length > 0 ? " as of " + item.AsOf : "")}] {item.Query}",
            $"    expected top1 {item.Top1.Text}{(item.Top3.IsEmpty ? "" : $", top3 {item.Top3.Text}")}; top1 {(hit1 ? "ok" : "MISS")}, top3 {(hit3 ? "ok" : "MISS")}; detected {response.DetectedLanguage}, confident {response.Confident}",
        };
        lines.AddRange(response.Suggestions.Take(3).Select((s, i) => string.Create(CultureInfo.InvariantCulture,
            $"    {i + 1}. {s.ContactKind} {s.DisplayName} <{s.Email}> unit={s.UnitName} office={s.OfficeName}/{s.OfficeCity} score={s.Score:0.000}")));
        return string.Join(Environment.NewLine, lines);
    }
}
