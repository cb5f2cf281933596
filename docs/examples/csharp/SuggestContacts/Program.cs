// Asks the directory whom to contact (SuggestContacts over HTTP/JSON), with HttpClient and System.Text.Json only.
//   dotnet run -- "Who handles cash-based interventions?" --country KE
//   IOMDIR_TOKEN=... dotnet run -- "..." --url https://directory.iom.int:5081
// Prints one line per contact, best first; on an error, the google.rpc.Status message on stderr and exit code 1.
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

var query = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
if (query is null)
{
    Console.Error.WriteLine("usage: SuggestContacts QUERY [--country CC] [--max N] [--url URL] [--token TOKEN]");
    return 2;
}
var url = Option("--url") ?? Environment.GetEnvironmentVariable("IOMDIR_URL") ?? "http://127.0.0.1:5081";
var token = Option("--token") ?? Environment.GetEnvironmentVariable("IOMDIR_TOKEN");

using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
if (!string.IsNullOrEmpty(token)) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var request = new Dictionary<string, object> { ["query"] = query, ["maxResults"] = int.Parse(Option("--max") ?? "5", CultureInfo.InvariantCulture) };
if (Option("--country") is { } country) request["askerCountry"] = country;

using var response = await http.PostAsJsonAsync("v1/contacts:suggest", request);
var body = await response.Content.ReadAsStringAsync();
if (!response.IsSuccessStatusCode)
{
    // google.rpc.Status (code, message, details); an answer from before the API (e.g. a proxy) may have no body.
    var message = body.StartsWith('{') ? JsonDocument.Parse(body).RootElement.GetProperty("message").GetString() : response.ReasonPhrase;
    Console.Error.WriteLine($"error {(int)response.StatusCode}: {message}");
    return 1;
}
using var json = JsonDocument.Parse(body);
var answer = json.RootElement;
Console.WriteLine($"language: {answer.GetProperty("detectedLanguage").GetString()}, confident: {answer.GetProperty("confident").GetBoolean().ToString().ToLowerInvariant()}");
var rank = 0;
foreach (var s in answer.GetProperty("suggestions").EnumerateArray())
{
    var address = s.GetProperty("email").GetString() is { Length: > 0 } email ? email
        : s.TryGetProperty("route", out var route) && route.ValueKind == JsonValueKind.Object ? route.GetProperty("email").GetString()
        : "no address in the sources";
    Console.WriteLine($"{++rank}. {s.GetProperty("displayName").GetString()} <{address}> ({s.GetProperty("contactKind").GetString()}, score {s.GetProperty("score").GetDouble().ToString("0.00", CultureInfo.InvariantCulture)})");
}
return 0;
