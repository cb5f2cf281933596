using IomDirectory.Contracts.V1;
using Grpc.Core;

namespace IomDirectory.Bench.Scale;

/// <summary>The calls the scale benchmark times, with requests drawn from the generated org (ids, and its own vocabulary as queries).</summary>
public sealed class ScaleWorkload(CallInvoker client, IReadOnlyList<SyntheticUnit> units, WordPools pools)
{
    private readonly DirectoryService.DirectoryServiceClient _directory = new(client);
    private readonly RoutingService.RoutingServiceClient _routing = new(client);
    private readonly AdminService.AdminServiceClient _admin = new(client);
    private static readonly string[] Countries = ["SN", "CO", "Colombie", "PH", "Kenya", "UA", "México", "BD", "TR", ""];

    public static readonly string[] Rpcs = ["GetUnit", "SearchDirectory", "SuggestContacts"];

    /// <summary>
    /// <paramref name="count"/> one-field edits, one after the other (a rename of the next synthetic unit, as an admin
    /// applying corrections would): each call's time, from sending to the answer, which comes once the change is
    /// applied to this server's snapshot, views and indexes.
    /// </summary>
    public async Task<List<double>> EditAsync(int count, string token)
    {
        var options = new CallOptions(headers: new Metadata { { "authorization", "Bearer " + token } });
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var id = units[Spread(i, units.Count)].Id;
            var version = (await _directory.GetUnitAsync(new GetUnitRequest { Id = id })).Version;
            var sent = System.Diagnostics.Stopwatch.GetTimestamp();
            await _admin.UpdateUnitAsync(new UpdateUnitRequest
            {
                Id = id, ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = $"Edited unit {i}" } },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "name.en" } }, Write = new WriteContext { Reason = "bench scale edits" },
            }, options);
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }
        return times;
    }

    // The benchmark names the RPCs it times (Rpcs), so the choice is by name; each call is still a typed one.
    public Func<int, Task> Call(string rpc) => rpc switch
    {
        "GetUnit" => i => _directory.GetUnitAsync(new GetUnitRequest { Id = units[Spread(i, units.Count)].Id }).ResponseAsync,
        "SearchDirectory" => i => _directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = SearchText(i), PageSize = 10 }).ResponseAsync,
        "SuggestContacts" => i => _routing.SuggestContactsAsync(
            new SuggestContactsRequest { Query = Question(i), AskerCountry = Countries[i % Countries.Length] }).ResponseAsync,
        _ => throw new ArgumentException(rpc),
    };

    /// <summary>One or two words of a responsibility phrase, in the language it was written in.</summary>
    private string SearchText(int i)
    {
        var phrase = Phrase(i, i % 3 == 0 ? "en" : "fr");
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).ToArray();
        return words.Length == 0 ? phrase : string.Join(' ', words.Take(1 + i % 2));
    }

    private string Question(int i) => (i % 3) switch
    {
        0 => $"Who do I contact about {Phrase(i, "en")}?",
        1 => $"Qui contacter pour {Phrase(i, "fr")} ?",
        _ => $"¿A quién contacto sobre {Phrase(i, "es")}?",
    };

    private string Phrase(int i, string language)
    {
        var pool = pools.Phrases(language);
        return pool[Spread(i, pool.Count)];
    }

    private static int Spread(int i, int count) => (int)((uint)(i * 2654435761L) % (uint)count);
}
