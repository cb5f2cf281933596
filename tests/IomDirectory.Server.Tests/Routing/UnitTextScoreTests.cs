using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Routing;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>
/// Unit texts are scored one window of unit numbers at a time, all the question's stems together. The result must be
/// what reading each stem's list in turn gives: every unit's text score summed in the order of the stems, and the units
/// listed in the order that reading first reaches them (which fixes how contacts sum their units).
/// </summary>
[TestFixture]
public sealed class UnitTextScoreTests
{
    private const int SyntheticUnits = 9000;   // with the real units, five windows of RoutingScratch.TextWindow
    private static readonly string[] Vocabulary =
        ["harbor", "lantern", "meadow", "quarry", "orchard", "glacier", "canyon", "prairie", "lagoon", "tundra", "savanna", "delta"];
    private RoutingIndex _index = null!;

    [OneTimeSetUp]
    public async Task Build()
    {
        var data = DataSetReader.Read(RepositoryPaths.Data);
        var source = data.Units[0].Record.Source;
        var real = data.Units.Select(u => u.Record.Id).ToList();
        var random = new Random(5);
        string Words(int most) => string.Join(' ', Enumerable.Range(0, random.Next(1, most + 1)).Select(_ => Vocabulary[(int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 2))]));
        for (var i = 0; i < SyntheticUnits; i++)
        {
            // Parents among earlier units, real or synthetic: contacts gather units from far apart in the numbering.
            var parent = i == 0 || random.Next(4) == 0 ? real[random.Next(real.Count)] : $"synthetic-{random.Next(i)}";
            data.Units.Add(new("synthetic.json", i + 1, new UnitRecord
            {
                Id = $"synthetic-{i}",
                Kind = UnitKind.Unit,
                Name = new LocalizedText(random.Next(3) == 0 ? $"{Words(2)} team" : "Team", "", ""),
                Description = new LocalizedText(random.Next(2) == 0 ? Words(4) : "", "", ""),
                Responsibilities = new LocalizedList(random.Next(3) == 0 ? [Words(3)] : [], [], []),
                ParentId = parent,
                OfficeId = RecordMappers.HeadquartersOfficeId,
                Source = source,
            }));
        }
        var snapshots = new DirectorySnapshotProvider(DirectoryStore.For(DatabaseTarget.Sqlite(Path.Combine(Path.GetTempPath(), "iomdir-never-opened.db"))));   // built from data, never read
        await snapshots.LoadSeededAsync(data);
        _index = new RoutingIndexCache(LexiconLoader.Load(RepositoryPaths.Data, snapshots.Current)).For(snapshots.Current.At(DateTime.UtcNow));
    }

    [Test]
    public void TextScores_AreThoseOfReadingEachListInTurn()
    {
        Assert.That(_index.Units.Count, Is.GreaterThan(4 * RoutingScratch.TextWindow));
        var stems = Vocabulary.Select(w => _index.Stems.Number(RoutingText.Words(w).Single().Stem)).ToArray();
        Assert.That(stems, Has.All.GreaterThanOrEqualTo(0), "every word is indexed");
        var random = new Random(17);
        for (var question = 0; question < 200; question++)
        {
            // Up to six stems, repeats allowed; a few units named by concepts beforehand.
            var asked = Enumerable.Range(0, random.Next(1, 7)).Select(_ => stems[random.Next(stems.Length)]).ToArray();
            var named = Enumerable.Range(0, random.Next(4) * 5).Select(_ => random.Next(_index.Units.Count)).Distinct().ToList();

            var scratch = _index.RentScratch();
            try
            {
                foreach (var unit in named) scratch.ConceptSlot(unit);
                _index.Stems.AddTextScores(asked, scratch);

                var (expectedOrder, expectedText) = ReadInTurn(asked, named);
                var listed = new List<(int Unit, double Text)>();
                foreach (var clause in scratch.TextClauses)
                    for (var i = clause.Head; i >= 0; i = scratch.TextUnits[i].Next)
                        listed.Add((scratch.TextUnits[i].Unit, scratch.TextUnits[i].Text));
                Assert.That(listed, Is.EqualTo(expectedOrder.Select(u => (u, expectedText[u]))), $"question {question}: units listed, in order");
                Assert.That(named.Select(u => scratch.Units.Existing(u).Text), Is.EqualTo(named.Select(u => expectedText.GetValueOrDefault(u))),
                    $"question {question}: named units' text scores");
            }
            finally
            {
                _index.Return(scratch);
            }
        }
    }

    /// <summary>The reference: each stem's list read in turn into one score per unit, units listed as first reached.</summary>
    private (List<int> Order, Dictionary<int, double> Text) ReadInTurn(int[] asked, List<int> named)
    {
        var order = new List<int>();
        var text = new Dictionary<int, double>();
        foreach (var stem in asked)
        foreach (var (unit, weight) in _index.Stems.Matches(stem))
        {
            if (!text.TryGetValue(unit, out var sum) && !named.Contains(unit)) order.Add(unit);
            text[unit] = sum + weight;
        }
        return (order, text);
    }
}
