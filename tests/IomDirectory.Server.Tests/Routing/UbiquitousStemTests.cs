using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Routing;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>
/// In a large directory a stem found in a great share of the units tells none apart; routing leaves it out unless the
/// question has nothing else, so a common word does not make a question cost the directory's size.
/// </summary>
[TestFixture]
public sealed class UbiquitousStemTests
{
    private const int CommonUnits = 6000;
    private RoutingIndex _index = null!;

    [OneTimeSetUp]
    public async Task Build()
    {
        var data = DataSetReader.Read(RepositoryPaths.Data);
        var source = data.Units[0].Record.Source;
        for (var i = 0; i < CommonUnits; i++)
            data.Units.Add(new("synthetic.json", i + 1, Unit($"widget-team-{i}", $"Widget calibration team {i}", source)));
        data.Units.Add(new("synthetic.json", CommonUnits + 1, Unit("zanzibar-desk", "Zanzibar widget desk", source)));
        var snapshots = new DirectorySnapshotProvider(DirectoryStore.For(DatabaseTarget.Sqlite(Path.Combine(Path.GetTempPath(), "iomdir-never-opened.db"))));   // built from data, never read
        await snapshots.LoadSeededAsync(data);
        _index = new RoutingIndexCache(LexiconLoader.Load(RepositoryPaths.Data, snapshots.Current)).For(snapshots.Current.At(DateTime.UtcNow));
    }

    [Test]
    public void AStemInMostUnits_IsUbiquitous_ARareOneIsNot()
    {
        Assert.That(_index.Stems.IsUbiquitous(Stem("widget")), Is.True);
        Assert.That(_index.Stems.IsUbiquitous(Stem("zanzibar")), Is.False);
    }

    [Test]
    public void AQuestionWithARareStem_IsRoutedByIt()
    {
        var result = ContactRouter.Route(_index, new RouteRequest("Who calibrates widgets in Zanzibar?", "en", null, 0));
        Assert.That(result.Suggestions.Select(s => s.UnitId).FirstOrDefault(), Is.EqualTo("zanzibar-desk"));
    }

    [Test]
    public void AQuestionWithOnlyCommonStems_StillGetsTextMatches()
    {
        var result = ContactRouter.Route(_index, new RouteRequest("widget calibration", "en", null, 0));
        Assert.That(result.Suggestions.Select(s => s.UnitId), Has.Some.StartsWith("widget-team-"));
    }

    private int Stem(string word)
    {
        var number = _index.Stems.Number(RoutingText.Words(word).Single().Stem);
        Assert.That(number, Is.GreaterThanOrEqualTo(0), $"'{word}' is not indexed");
        return number;
    }

    private static UnitRecord Unit(string id, string name, string source) => new()
    {
        Id = id,
        Kind = UnitKind.Unit,
        Name = new LocalizedText(name, "", ""),
        OfficeId = RecordMappers.HeadquartersOfficeId,
        Source = source,
    };
}
