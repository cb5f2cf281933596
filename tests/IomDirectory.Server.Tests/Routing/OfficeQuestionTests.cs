namespace IomDirectory.Server.Tests.Routing;

/// <summary>Questions about offices return offices, with their city and their own text, as of the date asked.</summary>
[TestFixture]
public sealed class OfficeQuestionTests : RoutingFixture
{
    [TestCase("Which regional office covers West and Central Africa?", "ro-dakar")]
    [TestCase("Which regional office covers the East and Horn of Africa?", "ro-nairobi")]
    [TestCase("Quel bureau régional couvre l'Afrique de l'Ouest et du Centre ?", "ro-dakar")]
    [TestCase("Quel bureau régional s'occupe de l'Europe et de l'Asie centrale ?", "ro-vienna")]
    [TestCase("¿Qué oficina regional cubre América Latina y el Caribe?", "ro-panama-city")]
    [TestCase("¿Cuál es la oficina regional para el Cuerno de África?", "ro-nairobi")]
    [TestCase("Which regional office covers Ukraine?", "ro-vienna")]
    [TestCase("Which office oversees small missions in Southern Africa?", "sro-pretoria")]
    [TestCase("Is there a partnership and advocacy office in Canada?", "copa-ottawa")]
    [TestCase("Quel bureau collecte des fonds auprès des donateurs en Allemagne ?", "co-berlin")]
    [TestCase("Which office handles partnership and advocacy with the USA?", "go-washington")]
    [TestCase("Where is the liaison office in Addis Ababa?", "slo-addis-ababa")]
    public void Route_QuestionAboutAnOffice_ReturnsTheOffice(string query, string officeId)
    {
        var result = Route(query);
        var top = result.Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.Confident, Is.True);
            Assert.That(top.Kind, Is.EqualTo("office"));
            Assert.That(top.OfficeId, Is.EqualTo(officeId));
            Assert.That(top.OfficeCity, Is.Not.Empty);
            Assert.That(top.Reasons, Is.Not.Empty);
        });
    }

    [Test]
    public void Route_RegionalOffice_SaysWhichRegionAndGivesTheOfficesOwnText()
    {
        var top = Route("Which regional office covers West and Central Africa?").Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(top.Reasons[0], Does.Contain("West and Central Africa"));
            Assert.That(top.Reasons, Has.Some.StartsWith("Regional Offices (ROs)"));
        });
    }

    [TestCase("Which office coordinates the Caribbean?")]
    [TestCase("Quel bureau coordonne les Caraïbes ?")]
    [TestCase("¿Qué oficina coordina el Caribe?")]
    public void Route_CaribbeanCoordination_IsTheOfficeHoldingItOnTheDateAsked(string query)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Route(query).Suggestions[0].OfficeId, Is.EqualTo("co-georgetown"), "002's list of coordination offices");
            Assert.That(Route(query, asOf: "2023-06-01").Suggestions[0].OfficeId, Is.AnyOf("co-bridgetown", "co-georgetown"), "003's list");
        });
    }

    [TestCase("Where are IOM's administrative centres?")]
    [TestCase("Où se trouvent les centres administratifs de l'OIM ?")]
    [TestCase("¿Dónde están los centros administrativos de la OIM?")]
    public void Route_AdministrativeCentres_AreBothOffices(string query)
    {
        var ids = Route(query).Suggestions.Take(2).Select(s => s.OfficeId);
        Assert.That(ids, Is.EquivalentTo(new[] { "ac-manila", "ac-panama-city" }));
    }

    [TestCase("Which regional office covered South America?", "ro-buenos-aires")]
    [TestCase("Quel bureau régional couvrait l'Afrique australe ?", "ro-pretoria")]
    [TestCase("¿Qué oficina regional cubría Centroamérica?", "ro-san-jose")]
    [TestCase("Which regional office covered Belgium?", "ro-brussels")]
    public void Route_RegionAsOfBefore2024_ReturnsTheOfficeOfThatTime(string query, string officeId)
    {
        var top = Route(query, asOf: "2023-06-01").Suggestions[0];
        Assert.That(top.OfficeId, Is.EqualTo(officeId));
    }
}
