using IomDirectory.Server.Routing;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>Places named in a question (countries, aliases, acronyms, cities, regions) and what routing does with them.</summary>
[TestFixture]
public sealed class PlaceDetectionTests : RoutingFixture
{
    [TestCase("Flash floods in Pakistan: our mission needs support", "PK")]
    [TestCase("La mission en RDC a besoin d'aide", "CD")]
    [TestCase("Our office in the DRC", "CD")]
    [TestCase("Notre bureau au Tchad", "TD")]
    [TestCase("La oficina en EE. UU. necesita", "US")]
    [TestCase("Partnership office in the UK", "GB")]
    [TestCase("Our team in Turkey", "TR")]
    [TestCase("Nuestro equipo en Turquía", "TR")]
    [TestCase("Our team in Türkiye", "TR")]
    [TestCase("The office in Astana", "KZ")]
    [TestCase("Le bureau de Nour-Soultan", "KZ")]
    [TestCase("We are in Kabul", "AF")]
    [TestCase("Nuestra misión en Haiti", "HT")]
    [TestCase("Our team in the Republic of Moldova", "MD")]
    [TestCase("Ethiopa needs help", "ET")]
    public void Analyze_NamesACountry_InAnyLanguageOrShortForm(string query, string code)
    {
        var analysis = QueryAnalysis.Analyze(query, Now);
        Assert.That(analysis.NamedCountries, Is.EqualTo(new[] { code }));
    }

    [Test]
    public void Analyze_Nationality_IsACountryButNotWhereTheAskerIs()
    {
        var analysis = QueryAnalysis.Analyze("transferencias en efectivo para migrantes venezolanos en Colombia", Now);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.Countries, Is.EquivalentTo(new[] { "VE", "CO" }));
            Assert.That(analysis.NamedCountries, Is.EqualTo(new[] { "CO" }));
        });
    }

    [TestCase("we need uk help")]
    [TestCase("nous avons eu un problème")]
    public void Analyze_AcronymInLowerCase_IsNoPlace(string query)
    {
        var analysis = QueryAnalysis.Analyze(query, Now);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.Countries, Is.Empty);
            Assert.That(analysis.Regions, Is.Empty);
        });
    }

    [TestCase("Which regional office covers West and Central Africa?", "SN")]
    [TestCase("Quel bureau régional s'occupe de l'Europe et de l'Asie centrale ?", "RS")]
    [TestCase("¿Qué oficina regional cubre Asia y el Pacífico?", "TH")]
    [TestCase("Quel bureau couvre l'Afrique australe ?", "ZA")]
    [TestCase("¿Quién cubre el Cuerno de África?", "KE")]
    public void Analyze_RegionName_FindsTheRegion(string query, string anchor)
    {
        var analysis = QueryAnalysis.Analyze(query, Now);
        Assert.That(analysis.Regions.Select(r => r.Anchor), Is.EqualTo(new[] { anchor }));
    }

    [TestCase("Flash floods in Pakistan: our mission needs support on emergency shelter.", "Bangkok", "Pakistan")]
    [TestCase("Inondations au Tchad : notre bureau a besoin d'appui pour les abris d'urgence.", "Dakar", "Tchad")]
    [TestCase("Nuestra oficina en Honduras necesita apoyo para la gestión de albergues tras el huracán.", "Panama City", "Honduras")]
    public void Route_EmergencyTopicInANamedCountry_PutsItsRtsFirstAndSaysWhy(string query, string city, string place)
    {
        var top = Route(query).Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(top.Kind, Is.EqualTo("focal_point"));
            Assert.That(top.OfficeCity, Is.EqualTo(city));
            Assert.That(top.Reasons[0], Does.Contain(place));
        });
    }

    [Test]
    public void Route_ExplicitAskerCountry_WinsOverTheCountryInTheText()
    {
        var top = Route("Flash floods in Pakistan: our mission needs support on emergency shelter.", askerCountry: "KE").Suggestions[0];
        Assert.That(top.OfficeCity, Is.EqualTo("Nairobi"));
    }

    [TestCase("Who is the DHRR RTS for Afghanistan?", "Bangkok")]
    [TestCase("Quel est le spécialiste thématique régional pour le Cameroun ?", "Dakar")]
    [TestCase("¿Quién es el especialista temático regional para Perú?", "Panama City")]
    public void Route_QuestionAboutTheRts_GivesTheOneCoveringTheCountry(string query, string city)
    {
        var top = Route(query).Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(top.Kind, Is.EqualTo("focal_point"));
            Assert.That(top.OfficeCity, Is.EqualTo(city));
        });
    }

    [Test]
    public void Route_QuestionAboutTheRtsWithNoPlace_ListsTheSpecialistsOfTheRegionalOffices()
    {
        var top = Route("Who are the Regional Thematic Specialists?").Suggestions;
        Assert.Multiple(() =>
        {
            Assert.That(top.Take(5).Select(s => s.Kind), Is.All.EqualTo("focal_point"));
            Assert.That(top.Take(5).Select(s => s.OfficeCity).Distinct().Count(), Is.EqualTo(5));
        });
    }

    [Test]
    public void Route_QuestionAboutTheRtsBefore2024_GivesTheRegionalOfficeThenWithoutClaimingNoneExisted()
    {
        var result = Route("Who was the Regional Thematic Specialist for Chad?", asOf: "2023-06-01");
        var office = result.Suggestions.First(s => s.Kind == "office");
        Assert.Multiple(() =>
        {
            Assert.That(result.Suggestions.Select(s => s.Kind), Has.None.EqualTo("focal_point"));
            Assert.That(office.OfficeId, Is.EqualTo("ro-dakar"));
            Assert.That(string.Join(" ", office.Reasons), Does.Contain("Chad").And.Not.Contain("existed"));
        });
    }

    [TestCase("procurment of emergncy supplies", "supply-chain-division")]
    [TestCase("transferencias en efectvo para refugiados", "cbi-unit")]
    [TestCase("coordination des camps de déplacés en urgance", "hod")]
    public void Route_Misspelling_StillFindsTheTopic(string query, string unitId)
    {
        var top = Route(query).Suggestions[0];
        Assert.That(top.UnitId, Is.EqualTo(unitId));
    }
}
