using IomDirectory.Server.Routing;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>Scoring and rules of the engine, on the seeded org chart and the repository's lexicon.</summary>
[TestFixture]
public sealed class ContactRouterTests : RoutingFixture
{
    [TestCase("vouchers", "cbisupport@iom.int")]
    [TestCase("bons et coupons pour les ménages", "cbisupport@iom.int")]
    [TestCase("alerta temprana", "pcca@iom.int")]
    [TestCase("EAH dans les sites", "humanitariancore@iom.int")]
    [TestCase("justicia transicional", "PRDCoreGroupHQ@iom.int")]
    [TestCase("Action Agenda on Internal Displacement", "dhrr@iom.int")]
    public void Route_DhrrTopic_PutsItsHqMailboxFirst(string query, string email)
    {
        var top = Route(query).Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(top.Kind, Is.EqualTo("mailbox"));
            Assert.That(top.Email, Is.EqualTo(email).IgnoreCase);
        });
    }

    [TestCase("risque de change", "treasury-division")]
    [TestCase("Who handles job classification?", "org-design-classification-unit")]
    [TestCase("protección de datos personales", "legal-affairs")]
    [TestCase("MHPSS", "mhpss-unit")]
    [TestCase("ethical recruitment of migrant workers", "lmsi-division")]
    public void Route_UnitWithoutMailbox_IsTheUnitItself(string query, string unitId)
    {
        var top = Route(query).Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(top.Kind, Is.EqualTo("unit"));
            Assert.That(top.UnitId, Is.EqualTo(unitId));
        });
    }

    [Test]
    public void Route_WorkstreamTopic_ExplainsWhichUnitOwnsTheMailbox()
    {
        var top = Route("WASH").Suggestions[0];
        Assert.That(top.Reasons, Has.Some.Contains("Humanitarian Operations Division"));
    }

    [Test]
    public void Route_ReasonsFollowTheQuestionsLanguage()
    {
        var result = Route("Qui s'occupe de la trésorerie ?");
        Assert.Multiple(() =>
        {
            Assert.That(result.Language, Is.EqualTo("fr"));
            Assert.That(result.Suggestions[0].Reasons[0], Does.StartWith("Compétent pour"));
        });
    }

    [Test]
    public void Route_EmergencyTopicWithAskerCountry_PutsTheRegionalSpecialistFirstThenTheHqMailbox()
    {
        var suggestions = Route("shelter", askerCountry: "KE").Suggestions;
        Assert.Multiple(() =>
        {
            Assert.That(suggestions[0].Kind, Is.EqualTo("focal_point"));
            Assert.That(suggestions[0].OfficeCity, Is.EqualTo("Nairobi"));
            Assert.That(suggestions[1].Email, Is.EqualTo("humanitariancore@iom.int"));
        });
    }

    [Test]
    public void Route_NonEmergencyTopicWithAskerCountry_HasNoRegionalSpecialist() =>
        Assert.That(Route("budget", askerCountry: "KE").Suggestions.Select(s => s.Kind), Has.None.EqualTo("focal_point"));

    [TestCase("Which regional office covers Peru?", "ro-panama-city")]
    [TestCase("Quel bureau s'occupe de la collecte de fonds auprès des donateurs canadiens ?", "copa-ottawa")]
    [TestCase("Which country office coordinates Central Asia?", "co-nur-sultan")]
    [TestCase("administrative centres", "ac-manila")]
    public void Route_OfficeQuestion_AnswersWithAnOffice(string query, string officeId)
    {
        var suggestions = Route(query).Suggestions;
        Assert.Multiple(() =>
        {
            Assert.That(suggestions[0].Kind, Is.EqualTo("office"));
            Assert.That(suggestions.Select(s => s.OfficeId), Does.Contain(officeId));
        });
    }

    [Test]
    public void Route_Unmatched_IsNotConfidentAndFallsBackWithAReason()
    {
        var result = Route("zzz qwerty blorp");
        Assert.Multiple(() =>
        {
            Assert.That(result.Confident, Is.False);
            Assert.That(result.Suggestions, Is.Not.Empty);
            Assert.That(result.Suggestions[0].Reasons[0], Does.Contain("No unit clearly answers"));
        });
    }

    [Test]
    public void Route_Scores_AreBetweenZeroAndOne_AndBestFirstAmongUnits()
    {
        var scores = Route("legal advice on contracts").Suggestions.Select(s => s.Score).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(scores, Has.All.InRange(0.0, 1.0));
            Assert.That(scores, Is.Ordered.Descending);
        });
    }
}
