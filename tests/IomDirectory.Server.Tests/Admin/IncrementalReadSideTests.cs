using System.Text.Json;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;
using IomDirectory.Contracts.V1;
using VersionedRecord = IomDirectory.Server.Domain.VersionedRecord;
using IomDirectory.Server.Routing;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// The read side a server keeps by applying each committed change (issue #27) answers exactly as a whole reload of
/// the store would: random sequences of writes of every kind through the API (renames, translations, creations, moves,
/// retirements, mailboxes, focal points, offices, coverage, and changes scheduled for later), and after each one the
/// snapshot, today's view, views of other dates and the search index compared with ones built from scratch. Runs on
/// the store of the pass (SQLite, then PostgreSQL).
/// </summary>
[TestFixture]
public sealed class IncrementalReadSideTests
{
    private static readonly string[] Queries =
    [
        "migration", "health", "cash", "protection", "bureau", "oficina", "données", "regional office", "gestion des camps", "PCCA", "DHRR",
        "renamed", "nouveau", "nuevo", "incremental", "mailbox", "focal", "coordination", "evaluation", "partnership",
    ];

    private static readonly DateTime Scheduled = new(2031, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime[] Instants = [new(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc), Scheduled.AddDays(1)];

    private static readonly string[] Questions =
    [
        "Who handles cash-based interventions?", "Appui pour la coordination et la gestion des camps", "¿Quién se ocupa de las transferencias monetarias?",
        "I need help with displacement tracking in Sudan", "Qui contacter pour la protection des migrants au Sénégal ?", "data protection question",
    ];

    /// <param name="mergeEvery">0: today's indexes merge their delta tiers by size only (not reached here); else after that many changes.</param>
    [TestCase(20241201, 24, 0)]
    [TestCase(7, 24, 3)]
    public async Task RandomWrites_TheFollowedReadSide_AnswersAsAWholeReload(int seed, int steps, int mergeEvery)
    {
        await using var server = await RunningServer.StartAsync($"--ReadModel:IndexMergeEveryChanges={mergeEvery}");
        var routing = server.Services.GetRequiredService<RoutingIndexCache>();
        var writes = new RandomWrites(server, new Random(seed));
        var provider = server.Services.GetRequiredService<DirectorySnapshotProvider>();
        var applied = 0;
        var patched = 0;
        var inDelta = 0;
        for (var step = 0; step < steps; step++)
        {
            var operation = await writes.NextAsync(provider.Current.At(DateTime.UtcNow), step);
            if (operation is null) continue;
            applied++;
            var followed = provider.Current;
            if (followed.TodayWasPatched) patched++;
            await using var db = server.Store.CreateContext();
            var whole = new DirectorySnapshot(await DirectoryContent.LoadAsync(server.Store, db, 0, CancellationToken.None));
            Assert.That(followed.Sequence, Is.EqualTo(whole.Content.Sequence), operation);
            foreach (var instant in Instants.Prepend(DateTime.UtcNow))
                Assert.That(Describe(followed.At(instant)), Is.EqualTo(Describe(whole.At(instant))), $"after {operation}, as of {instant:O}");
            var (today, wholeToday) = (followed.At(DateTime.UtcNow), whole.At(DateTime.UtcNow));
            if (today.Search.DeltaDocuments > 0 || routing.For(today).DeltaUnits > 0) inDelta++;
            var fresh = new RoutingIndexCache(routing.Lexicon);
            foreach (var question in Questions.Concat(writes.RecentWords.Select(w => $"who handles {w} coordination")))
                Assert.That(Describe(ContactRouter.Route(routing.For(today), new RouteRequest(question, "", null, 5))),
                    Is.EqualTo(Describe(ContactRouter.Route(fresh.For(wholeToday), new RouteRequest(question, "", null, 5)))), $"routing '{question}' after {operation}");
            foreach (var query in Queries.Concat(writes.RecentWords))
            foreach (var take in (int[])[1, 5, 50])
                Assert.That(Describe(today.Search.Find(query, null, take)), Is.EqualTo(Describe(wholeToday.Search.Find(query, null, take))),
                    $"search '{query}' (take {take}) after {operation}");
        }
        Assert.That(applied, Is.GreaterThanOrEqualTo(steps * 2 / 3), "most random writes must be valid, or the test checks little");
        Assert.That(patched, Is.GreaterThanOrEqualTo(applied / 2), "today's view must mostly be patched, not built again");
        if (mergeEvery == 0) Assert.That(inDelta, Is.GreaterThanOrEqualTo(applied / 2), "today's indexes must mostly follow by their delta tiers");
        if (mergeEvery > 0)
            await Eventually.HoldsAsync(() => Task.FromResult(routing.Merges > 0), "merges of the delta tiers were asked for, and ran",
                TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Everything a view holds, records as JSON without row ids, lists in their order, tables by key.</summary>
    private static string Describe(DirectoryView view)
    {
        static string Json(object record) =>
            JsonSerializer.Serialize(JsonSerializer.SerializeToElement(record, record.GetType()).EnumerateObject().Where(p => p.Name != "RowId")
                .ToDictionary(p => p.Name, p => p.Value));
        static string Ids<T>(IEnumerable<T> records) where T : VersionedRecord => string.Join(",", records.Select(r => r.Id));
        var lines = new List<string> { $"instant {view.Instant:O}" };
        lines.AddRange(view.Units.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => "unit " + Json(u.Value)));
        lines.AddRange(view.Offices.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => "office " + Json(o.Value)));
        lines.Add("roots " + Ids(view.Roots));
        lines.AddRange(view.Children.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"children {c.Key}: {Ids(c.Value)}"));
        lines.Add("mailboxes " + string.Join(",", view.Mailboxes.Select(Json)));
        lines.Add("focal points " + string.Join(",", view.FocalPoints.Select(Json)));
        lines.Add("committees " + Ids(view.Committees));
        lines.Add("offices in order " + Ids(view.OrderedOffices));
        lines.AddRange(view.Functions.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"functions {f.Key}: {string.Join(",", f.Select(Json))}"));
        lines.AddRange(view.Coverage.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => "coverage " + Json(c.Value)));
        lines.AddRange(view.CoveredCountries.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"covered {c.Key}: {string.Join(",", c.Value)}"));
        return string.Join("\n", lines);
    }

    private static string Describe(RoutingResult result) =>
        $"{result.Language} {result.Confident}: " + string.Join("; ", result.Suggestions.Select(s => JsonSerializer.Serialize(s)));

    private static string Describe(SearchIndex.Found found) =>
        $"{found.Total}: " + string.Join("; ", found.Best.Select(h =>
            $"{h.Document.Kind}:{h.Document.Id}:{h.Score:R}:{string.Join(",", h.MatchedFields)}:{ReferenceEquals(h.Document.Record, null)}"));

    /// <summary>
    /// Picks a random valid write for the org chart as it stands and makes it through AdminService; returns what it
    /// did, or null when the server refused it (a refusal changes nothing, which the comparison checks too).
    /// </summary>
    private sealed class RandomWrites(RunningServer server, Random random)
    {
        private readonly string _editor = server.Token("erin.editor", Roles.Editor);
        private readonly string _admin = server.Token("ann.admin", Roles.Admin);
        private readonly List<string> _recent = [];
        private int _created;

        public IEnumerable<string> RecentWords => _recent.TakeLast(6);

        public async Task<string?> NextAsync(DirectoryView view, int step)
        {
            var units = view.Units.Values.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
            var leaves = units.Where(u => view.ChildrenOf(u.Id).Count == 0).ToList();
            var unit = units[random.Next(units.Count)];
            // Now, or (one write in five) from a date well after today: scheduled changes give views other boundaries.
            var effective = random.Next(5) == 0 ? Scheduled.ToString("yyyy-MM-dd") : null;
            var word = Word();
            try
            {
                switch (random.Next(10))
                {
                    case 0:
                    case 1:
                        await server.Admin.UpdateUnitAsync(new UpdateUnitRequest
                        {
                            Id = unit.Id, ExpectedVersion = Version(view, unit.Id), Unit = new UnitInput { Name = new LocalizedText { En = $"Renamed {word} unit" } },
                            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("property test", effective),
                        }, RunningServer.Bearer(_editor));
                        return $"rename {unit.Id} ({effective ?? "now"})";
                    case 2:
                        await server.Admin.UpdateUnitAsync(new UpdateUnitRequest
                        {
                            Id = unit.Id, ExpectedVersion = Version(view, unit.Id),
                            Unit = new UnitInput { Description = new LocalizedText { Fr = $"Nouveau bureau {word} des données", Es = $"Nuevo {word} oficina" } },
                            UpdateMask = new FieldMask { Paths = { "description.fr", "description.es" } }, Write = Api.Because("property test", effective),
                        }, RunningServer.Bearer(_editor));
                        return $"translate {unit.Id} ({effective ?? "now"})";
                    case 3:
                        var id = $"prop-{step}-{_created++}";
                        await server.Admin.CreateUnitAsync(new CreateUnitRequest
                        {
                            Id = id, Unit = new UnitInput
                            {
                                Kind = UnitKind.Unit, Name = new LocalizedText { En = $"Incremental {word} unit" }, ParentUnitId = unit.Id,
                                ResponsibilitiesEn = { $"{word} coordination" },
                            },
                            Write = Api.Because("property test", effective),
                        }, RunningServer.Bearer(_editor));
                        return $"create {id} under {unit.Id} ({effective ?? "now"})";
                    case 4:
                        var parent = units.Where(u => !InSubtree(view, unit.Id, u.Id)).ElementAt(random.Next(units.Count(u => !InSubtree(view, unit.Id, u.Id))));
                        await server.Admin.MoveUnitAsync(new MoveUnitRequest
                        {
                            Id = unit.Id, ExpectedVersion = Version(view, unit.Id), NewParentUnitId = parent.Id, Write = Api.Because("property test", effective),
                        }, RunningServer.Bearer(_editor));
                        return $"move {unit.Id} under {parent.Id} ({effective ?? "now"})";
                    case 5:
                        var leaf = leaves[random.Next(leaves.Count)];
                        if (leaf.ParentId is not { } above) return null;
                        await server.Admin.RetireUnitAsync(new RetireUnitRequest
                        {
                            Id = leaf.Id, ExpectedVersion = Version(view, leaf.Id), MoveMailboxesTo = above, RetireFocalPoints = true,
                            Write = Api.Because("property test"),
                        }, RunningServer.Bearer(_editor));
                        return $"retire {leaf.Id}";
                    case 6:
                        var mailboxId = $"prop-mailbox-{step}";
                        await server.Admin.CreateMailboxAsync(new CreateMailboxRequest
                        {
                            Id = mailboxId, Mailbox = new MailboxInput { Address = $"{mailboxId}@iom.int", OwnerUnitId = unit.Id, Purpose = new LocalizedText { En = $"{word} questions" } },
                            Write = Api.Because("property test", effective),
                        }, RunningServer.Bearer(_editor));
                        return $"create mailbox {mailboxId} for {unit.Id} ({effective ?? "now"})";
                    case 7:
                        var mailbox = view.Mailboxes[random.Next(view.Mailboxes.Count)];
                        await server.Admin.UpdateMailboxAsync(new UpdateMailboxRequest
                        {
                            Id = mailbox.Id, ExpectedVersion = mailbox.Version,
                            Mailbox = new MailboxInput { Purpose = new LocalizedText { En = $"Questions on {word}" }, OwnerUnitId = unit.Id },
                            UpdateMask = new FieldMask { Paths = { "purpose.en", "owner_unit_id" } }, Write = Api.Because("property test", effective),
                        }, RunningServer.Bearer(_editor));
                        return $"re-own mailbox {mailbox.Id} to {unit.Id} ({effective ?? "now"})";
                    case 8:
                        var focal = view.FocalPoints[random.Next(view.FocalPoints.Count)];
                        var office = view.OrderedOffices[random.Next(view.OrderedOffices.Count)];
                        await server.Admin.UpdateFocalPointAsync(new UpdateFocalPointRequest
                        {
                            Id = focal.Id, ExpectedVersion = focal.Version,
                            FocalPoint = new FocalPointInput { OfficeId = office.Id, Description = new LocalizedText { En = $"Focal point for {word}" } },
                            UpdateMask = new FieldMask { Paths = { "office_id", "description.en" } }, Write = Api.Because("property test", effective),
                        }, RunningServer.Bearer(_editor));
                        return $"move focal point {focal.Id} to {office.Id} ({effective ?? "now"})";
                    default:
                        var offices = view.OrderedOffices.Where(o => o.Type is Server.Domain.OfficeType.RegionalOffice or Server.Domain.OfficeType.SubRegionalOffice).ToList();
                        var covering = offices[random.Next(offices.Count)];
                        if (random.Next(2) == 0)
                        {
                            await server.Admin.UpdateOfficeAsync(new UpdateOfficeRequest
                            {
                                Id = covering.Id, ExpectedVersion = covering.Version, Office = new OfficeInput { City = new LocalizedText { En = $"{word}ville" } },
                                UpdateMask = new FieldMask { Paths = { "city.en" } }, Write = Api.Because("property test", effective),
                            }, RunningServer.Bearer(_editor));
                            return $"office {covering.Id} city ({effective ?? "now"})";
                        }
                        var countries = view.CoveredCountries.GetValueOrDefault(covering.Id) ?? [];
                        var moved = view.Coverage.Keys.Where(c => !countries.Contains(c)).OrderBy(c => c, StringComparer.Ordinal).ToList();
                        await server.Admin.SetCoverageAsync(new SetCoverageRequest
                        {
                            OfficeId = covering.Id, CountryCodes = { countries.Append(moved[random.Next(moved.Count)]) }, Write = Api.Because("property test"),
                        }, RunningServer.Bearer(_admin));
                        return $"coverage of {covering.Id}";
                }
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound
                                              or StatusCode.AlreadyExists or StatusCode.Aborted)
            {
                return null;
            }
        }

        private string Word()
        {
            string[] syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "qel"];
            var word = string.Concat(Enumerable.Range(0, 3).Select(_ => syllables[random.Next(syllables.Length)]));
            _recent.Add(word);
            return word;
        }

        private static long Version(DirectoryView view, string id) => view.Snapshot.Units.History(id).Max(v => v.Version);

        private static bool InSubtree(DirectoryView view, string root, string id)
        {
            var stack = new Stack<string>([root]);
            while (stack.TryPop(out var current))
            {
                if (current == id) return true;
                foreach (var child in view.ChildrenOf(current)) stack.Push(child.Id);
            }
            return false;
        }
    }
}
