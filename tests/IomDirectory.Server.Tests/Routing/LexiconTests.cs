using IomDirectory.Server.Routing;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>The lexicon in data/lexicon references only records that exist, and a bad one stops start-up.</summary>
[TestFixture]
public sealed class LexiconTests : RoutingFixture
{
    [Test]
    public void Lexicon_ReferencesOnlyUnitsAndOfficesThatExist()
    {
        var snapshot = Db.Snapshots.Current;
        var units = snapshot.Units.AllVersions.Select(u => u.Id).ToHashSet();
        var offices = snapshot.Offices.AllVersions.Select(o => o.Id).ToHashSet();
        var concepts = Indexes.Lexicon.Concepts;
        Assert.Multiple(() =>
        {
            Assert.That(concepts.SelectMany(c => c.Units.Concat(c.AlsoUnits)).Distinct(), Is.SubsetOf(units));
            Assert.That(concepts.SelectMany(c => c.Offices).Distinct(), Is.SubsetOf(offices));
            Assert.That(Indexes.Lexicon.Rules.EmergencyUnits.Concat(Indexes.Lexicon.Rules.FallbackUnits).Distinct(), Is.SubsetOf(units));
            Assert.That(Indexes.Lexicon.Rules.FallbackOffices, Is.SubsetOf(offices));
        });
    }

    [Test]
    public void Lexicon_EveryUnitInForceToday_IsNamedByAConceptOrHasResponsibilitiesToMatch()
    {
        var named = Indexes.Lexicon.Concepts.SelectMany(c => c.Units.Concat(c.AlsoUnits)).ToHashSet();
        var silent = Db.Now.Units.Values.Where(u => !named.Contains(u.Id) && u.Responsibilities.IsEmpty && u.Description.IsEmpty)
            .Select(u => u.Id).ToList();
        Assert.That(silent, Is.SubsetOf(new[] { "office-chief-of-staff", "office-partnerships-advocacy-communication", "office-strategy-institutional-performance" }));
    }

    [Test]
    public void Load_UnknownUnitId_FailsNamingTheFileAndTheConcept()
    {
        using var folder = new TempFolder();
        var data = folder.CopyOfData();
        var topics = Path.Combine(data, "lexicon", "topics.json");
        File.WriteAllText(topics, File.ReadAllText(topics).Replace("\"units\": [\"cbi-unit\"]", "\"units\": [\"no-such-unit\"]", StringComparison.Ordinal));

        var error = Assert.Throws<DataLoadException>(() => LexiconLoader.Load(data, Db.Snapshots.Current))!;
        Assert.That(error.Message, Does.Contain("lexicon/topics.json").And.Contain("cash-based-interventions").And.Contain("no-such-unit"));
    }

    [Test]
    public async Task ServerStart_WithABadLexicon_Fails()
    {
        using var folder = new TempFolder();
        var data = folder.CopyOfData();
        var rules = Path.Combine(data, "lexicon", "routing.json");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("\"hq-geneva\"", "\"hq-atlantis\"", StringComparison.Ordinal));

        var app = await Server.Hosting.ServerHost.BuildAsync(["--db", folder.File("directory.db"), "--data", data, "--urls", "http://127.0.0.1:0", "--web-urls", "none"]);
        Assert.That(app, Is.Null);
    }
}
