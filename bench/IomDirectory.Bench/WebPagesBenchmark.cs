using IomDirectory.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IomDirectory.Bench.Scale;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench;

/// <summary>
/// The web page's latency: GET /ask (a varied set of questions, with and without a country, in the three languages)
/// and GET /units/{id} (random units), one request at a time over loopback HTTP/1.1, on the seed data and on the
/// synthetic org of <c>scale</c>; and the pictures: the org chart diagram (GET /browse), the coverage map (GET /map) and
/// a country page with its region's map. Reported as p50/p99 of the time to the last byte seen by the client, which
/// bounds the server's time from above, and the weight of an /ask page with results, and of each picture page, plus
/// the stylesheet.
/// </summary>
public static class WebPagesBenchmark
{
    private static readonly (string Question, string Country)[] Questions =
    [
        ("Who handles cash-based interventions?", ""), ("Who handles cash-based interventions?", "KE"),
        ("Appui pour la coordination et la gestion des camps", "ML"), ("Qui contacter pour la protection des migrants ?", "SN"),
        ("¿Quién se ocupa de las transferencias monetarias?", "CO"), ("Necesitamos apoyo en salud mental", "PE"),
        ("Who do I contact about climate action?", ""), ("Which country office coordinates the Caribbean?", ""),
        ("Who handles donor relations?", "TH"), ("What is the best pizza recipe?", ""),
        ("Help with displacement tracking in Sudan", "SD"), ("Recrutement du personnel", "CD"),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var sizes = (CommandLine.Value(args, "--sizes") ?? "0,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var calls = CommandLine.Int(args, "--calls", 1000);
        // The routing answer cache remembers the 12 questions; --caches-off routes every one afresh.
        string[] extra = CommandLine.Flag(args, "--caches-off") ? ServerUnderTest.CachesOff : [];
        Console.WriteLine($"web pages: {calls} sequential requests per page kind after 200 warm-up, loopback HTTP/1.1");
        Console.WriteLine($"{"org",-12} {"page",-14} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var size in sizes)
        {
            using var scratch = new ScratchFolder();
            string data;
            List<string> unitIds;
            if (size == 0)
            {
                data = BenchPaths.Data;
                unitIds = Directory.GetFiles(Path.Combine(data, "units"), "*.json")
                    .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["units"]!.AsArray().Select(u => (string)u!["id"]!)).Distinct().ToList();
            }
            else
            {
                var org = new OrgGenerator(WordPools.Read(BenchPaths.Data)).Write(scratch.File("data"), size, 20_000);
                data = org.Folder;
                unitIds = org.Units.Select(u => u.Id).ToList();
            }
            var web = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
            await using var server = await ServerUnderTest.StartAsync(scratch.File("directory.db"), data, ["--web-urls", web.ToString(), .. extra]);
            using var http = new HttpClient { BaseAddress = web };
            if (size == 0)   // the seed also holds units retired before today; their pages are 404s
            {
                var live = new List<string>();
                foreach (var id in unitIds)
                {
                    using var probe = await http.GetAsync("/units/" + Uri.EscapeDataString(id));
                    if (probe.IsSuccessStatusCode) live.Add(id);
                }
                unitIds = live;
            }
            var random = new Random(7);
            string AskPath(int i)
            {
                var (q, c) = Questions[i % Questions.Length];
                return $"/ask?q={Uri.EscapeDataString(q)}&country={c}";
            }
            string UnitPath(int i) => "/units/" + Uri.EscapeDataString(unitIds[random.Next(unitIds.Count)]);
            var label = size == 0 ? "seed" : $"{size / 1000}k units";
            // The pictures (issue 28): the org chart diagram (two or three levels, today or before 2024), the coverage
            // map (today or before 2024) and a country page with its region's map.
            string[] countryCodes = ["ML", "KE", "CO", "TH", "SN", "DE", "SD", "PE"];
            string DiagramPath(int i) => (i % 4) switch { 0 => "/browse", 1 => "/browse?levels=3", 2 => "/browse?asOf=2023-06-01", _ => "/browse?levels=3&asOf=2023-06-01" };
            string MapPath(int i) => i % 2 == 0 ? "/map" : "/map?asOf=2023-06-01";
            string CountryPath(int i) => "/countries/" + countryCodes[i % countryCodes.Length];
            foreach (var (name, path) in new (string, Func<int, string>)[]
                     { ("/ask", AskPath), ("/units/{id}", UnitPath), ("/browse diagram", DiagramPath), ("/map", MapPath), ("/countries/{c}", CountryPath) })
            {
                for (var i = 0; i < 200; i++) await Fetch(http, path(i));
                var times = new List<double>(calls);
                for (var i = 0; i < calls; i++) times.Add(await Fetch(http, path(i)));
                Console.WriteLine($"{label,-12} {name,-14} {Stats.Percentile(times, 50),8:0.00} {Stats.Percentile(times, 99),8:0.00} {times.Max(),8:0.00}");
            }
            var page = await http.GetStringAsync(AskPath(1));
            var css = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/static/site\\.[0-9a-f]+\\.css)\"").Groups[1].Value;
            var cssBytes = (await http.GetByteArrayAsync(css)).Length;
            var pageBytes = System.Text.Encoding.UTF8.GetByteCount(page);
            Console.WriteLine($"{label,-12} weight of /ask with results: {pageBytes / 1024.0:0.0} KB HTML + {cssBytes / 1024.0:0.0} KB CSS = {(pageBytes + cssBytes) / 1024.0:0.0} KB uncompressed (target <= 100 KB)");
            foreach (var pictured in new[] { "/browse", "/browse?levels=3", "/map", "/map?asOf=2023-06-01", "/countries/ML" })
            {
                var bytes = System.Text.Encoding.UTF8.GetByteCount(await http.GetStringAsync(pictured));
                Console.WriteLine($"{label,-12} weight of {pictured}: {bytes / 1024.0:0.0} KB HTML with its SVG + {cssBytes / 1024.0:0.0} KB CSS = {(bytes + cssBytes) / 1024.0:0.0} KB uncompressed (target <= 150 KB)");
            }
        }
        return 0;
    }

    private static async Task<double> Fetch(HttpClient http, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: HTTP {(int)response.StatusCode}");
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
