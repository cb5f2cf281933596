using IomDirectory.Server.Routing;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>The gazetteer (data/gazetteer/places.tsv) and how a message's places are read: ambiguity on purpose.</summary>
[TestFixture]
public sealed class GazetteerTests : RoutingFixture
{
    [TestCase("Upper Nile", "SS")]
    [TestCase("Enga", "PG")]
    [TestCase("Lésvos", "GR")]
    [TestCase("Darién", "PA")]
    [TestCase("Sindh", "PK")]
    [TestCase("Marib", "YE")]
    [TestCase("Ma'rib", "YE")]
    [TestCase("Boa Vista", "BR")]
    public void Gazetteer_KnowsPlacesBelowTheCountry_AndGivesANameFoundInSeveralCountriesToTheOneThatDominates(string name, string country)
    {
        var place = Indexes.Lexicon.Gazetteer[Now.Places.KeyOf(name)];
        Assert.That(place?.Country, Is.EqualTo(country));
    }

    [Test]
    public void Gazetteer_LeavesOutANameNoCountryDominates() =>
        Assert.That(Indexes.Lexicon.Gazetteer[Now.Places.KeyOf("Central")], Is.Null);

    [TestCase("Floods in Unity: the displaced need shelter.", "SS")]
    [TestCase("Inondations à Gao : les déplacés ont besoin d'abris.", "ML")]
    [TestCase("Inundaciones en Bata: las familias necesitan albergue.", "GQ")]
    public void CommonWordPlace_WrittenAsAPlace_Counts(string query, string country) =>
        Assert.That(QueryAnalysis.Analyze(query, Now).Places.Select(p => p.Country), Does.Contain(country));

    [TestCase("Unity of purpose matters for social cohesion programmes.")]
    [TestCase("national unity and social cohesion")]
    [TestCase("Necesito una bata para el laboratorio.")]
    public void CommonWordPlace_UsedAsAWord_IsNoPlace(string query) =>
        Assert.That(QueryAnalysis.Analyze(query, Now).Places, Is.Empty);

    [TestCase("Many thanks, Programme Officer, IOM Baidoa Sub-Office", "SO", PlaceMention.Office)]
    [TestCase("Greetings from Malakal. We need camp management support.", "SS", PlaceMention.Asker)]
    [TestCase("Les escribo desde Roraima: necesitamos albergues.", "BR", PlaceMention.Asker)]
    [TestCase("New arrivals coming across from Sudan need shelter.", "SD", PlaceMention.Origin)]
    [TestCase("Des familles arrivent depuis le Soudan.", "SD", PlaceMention.Origin)]
    public void PlaceRole_IsReadFromTheWordsAroundIt(string query, string country, int strength)
    {
        var place = QueryAnalysis.Analyze(query, Now).Places.Single(p => p.Country == country);
        Assert.That(place.Strength, Is.EqualTo(strength));
    }

    [Test]
    public void PersonsNameInASignature_IsNoPlace()
    {
        // Hassan (India) and Pereira (Colombia) are cities of the gazetteer; in a signature they are names.
        var analysis = QueryAnalysis.Analyze("We need cash support. Many thanks, Amina Hassan and Joana Pereira, Programme Officers, IOM Kismayo", Now);
        Assert.That(analysis.Places.Select(p => p.Country), Is.EqualTo(new[] { "SO" }));
    }

    [Test]
    public void PlaceKindWord_NamesWhereNotATopic()
    {
        var analysis = QueryAnalysis.Analyze("Drought in the Afar region: we need cash assistance.", Now);
        Assert.That(analysis.HasTag(Concept.RegionalOfficeTag), Is.False);
    }

    [Test]
    public void Load_MalformedGazetteerLine_FailsNamingTheFileAndTheLine()
    {
        using var folder = new TempFolder();
        var data = folder.CopyOfData();
        File.AppendAllText(Path.Combine(data, "gazetteer", "places.tsv"), "Nowhere\tSS\tc\tmany\t0\n");

        var error = Assert.Throws<DataLoadException>(() => LexiconLoader.Load(data, Db.Snapshots.Current))!;
        Assert.That(error.Message, Does.Contain("gazetteer/places.tsv").And.Contain("line 29515"));
    }
}
