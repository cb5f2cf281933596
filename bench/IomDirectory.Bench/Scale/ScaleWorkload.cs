using Google.Protobuf.Reflection;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Bench.Scale;

/// <summary>The calls the scale benchmark times, with requests drawn from the generated org (ids, and its own vocabulary as queries).</summary>
public sealed class ScaleWorkload(CallInvoker client, IReadOnlyList<SyntheticUnit> units, WordPools pools)
{
    private static readonly MethodDescriptor GetUnitMethod = Method(DirectoryReflection.Descriptor, "DirectoryService", "GetUnit");
    private static readonly MethodDescriptor SearchMethod = Method(DirectoryReflection.Descriptor, "DirectoryService", "SearchDirectory");
    private static readonly MethodDescriptor SuggestMethod = Method(RoutingReflection.Descriptor, "RoutingService", "SuggestContacts");
    private static readonly string[] Countries = ["SN", "CO", "Colombie", "PH", "Kenya", "UA", "México", "BD", "TR", ""];

    public static readonly string[] Rpcs = ["GetUnit", "SearchDirectory", "SuggestContacts"];

    private static readonly MethodDescriptor UpdateUnitMethod = Method(AdminReflection.Descriptor, "AdminService", "UpdateUnit");

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
            var version = (await client.UnaryAsync<GetUnitRequest, Unit>(GetUnitMethod, new GetUnitRequest { Id = id })).Version;
            var sent = System.Diagnostics.Stopwatch.GetTimestamp();
            await client.UnaryAsync<UpdateUnitRequest, Unit>(UpdateUnitMethod, new UpdateUnitRequest
            {
                Id = id, ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = $"Edited unit {i}" } },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "name.en" } }, Write = new WriteContext { Reason = "bench scale edits" },
            }, options);
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }
        return times;
    }

    public Func<int, Task> Call(string rpc) => rpc switch
    {
        "GetUnit" => i => client.UnaryAsync<GetUnitRequest, Unit>(GetUnitMethod, new GetUnitRequest { Id = units[Spread(i, units.Count)].Id }),
        "SearchDirectory" => i => client.UnaryAsync<SearchDirectoryRequest, SearchDirectoryResponse>(SearchMethod,
            new SearchDirectoryRequest { Query = SearchText(i), PageSize = 10 }),
        "SuggestContacts" => i => client.UnaryAsync<SuggestContactsRequest, SuggestContactsResponse>(SuggestMethod,
            new SuggestContactsRequest { Query = Question(i), AskerCountry = Countries[i % Countries.Length] }),
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

    private static MethodDescriptor Method(FileDescriptor file, string service, string name) =>
        file.Services.Single(s => s.Name == service).FindMethodByName(name);
}
