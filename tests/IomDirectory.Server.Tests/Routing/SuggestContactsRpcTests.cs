using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Tests.Support;
using BadRequest = Google.Rpc.BadRequest;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>RoutingService.SuggestContacts through the real server, a real socket and the project's gRPC client.</summary>
[TestFixture]
public sealed class SuggestContactsRpcTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<SuggestContactsResponse> Suggest(SuggestContactsRequest request) =>
        _server.Routing.SuggestContactsAsync(request, new CallOptions()).ResponseAsync;

    private static Timestamp On(string date) => Timestamp.FromDateTime(DateTime.SpecifyKind(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));

    [Test]
    public async Task EmergencyTopic_WithAskerCountry_PutsTheRtsOfItsRegionalOfficeFirst_AndTheHqMailboxWithinThree()
    {
        var response = await Suggest(new SuggestContactsRequest { Query = "We need camp management support after the floods", AskerCountry = "Mali" });
        var top3 = response.Suggestions.Take(3).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.Confident, Is.True);
            Assert.That(top3[0].ContactKind, Is.EqualTo("focal_point"));
            Assert.That(top3[0].RoleTitle, Does.Contain("Regional Thematic Specialist"));
            Assert.That(top3[0].OfficeCity, Is.EqualTo("Dakar"));
            Assert.That(top3.Select(s => s.Email), Does.Contain("humanitariancore@iom.int"));
            Assert.That(top3[0].Reasons, Has.Some.Contains("first approach"));
        });
    }

    [Test]
    public async Task EmergencyTopic_WithoutAskerCountry_PutsTheHqMailboxFirst()
    {
        var response = await Suggest(new SuggestContactsRequest { Query = "We need camp management support after the floods" });
        Assert.Multiple(() =>
        {
            Assert.That(response.Suggestions[0].ContactKind, Is.EqualTo("mailbox"));
            Assert.That(response.Suggestions[0].Email, Is.EqualTo("humanitariancore@iom.int"));
            Assert.That(response.Suggestions.Select(s => s.ContactKind), Has.None.EqualTo("focal_point"));
        });
    }

    [Test]
    public async Task FrenchQuestion_IsAnsweredInFrench()
    {
        var response = await Suggest(new SuggestContactsRequest { Query = "Qui s'occupe des interventions en espèces ?" });
        Assert.Multiple(() =>
        {
            Assert.That(response.DetectedLanguage, Is.EqualTo("fr"));
            Assert.That(response.Suggestions[0].Email, Is.EqualTo("cbisupport@iom.int"));
            Assert.That(response.Suggestions[0].Reasons[0], Does.StartWith("Compétent pour"));
        });
    }

    [TestCase("Which office liaises with the African Union?", "slo-addis-ababa")]
    [TestCase("Which office raises funds with Korean donors?", "copa-seoul")]
    [TestCase("Which regional office is responsible for Uganda?", "ro-nairobi")]
    [TestCase("Which country office coordinates the Mediterranean?", "co-rome")]
    public async Task OfficeQuestion_ReturnsTheOffice(string query, string officeId)
    {
        var top = (await Suggest(new SuggestContactsRequest { Query = query })).Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(top.ContactKind, Is.EqualTo("office"));
            Assert.That(top.OfficeId, Is.EqualTo(officeId));
        });
    }

    [Test]
    public async Task AsOfBeforeTheRestructuring_RoutesOnTheOldChart_ArgentinaIsCoveredByBuenosAires()
    {
        var before = await Suggest(new SuggestContactsRequest { Query = "Which regional office covers Argentina?", AsOf = On("2023-06-01") });
        var now = await Suggest(new SuggestContactsRequest { Query = "Which regional office covers Argentina?" });
        Assert.Multiple(() =>
        {
            Assert.That(before.Suggestions[0].OfficeId, Is.EqualTo("ro-buenos-aires"));
            Assert.That(now.Suggestions[0].OfficeId, Is.EqualTo("ro-panama-city"));
        });
    }

    [Test]
    public async Task AsOfBeforeRtsExisted_EmergencyTopicWithAskerCountry_SuggestsTheRegionalOfficeThenInsteadOfAnRts()
    {
        var response = await Suggest(new SuggestContactsRequest { Query = "emergency shelter for displaced families", AskerCountry = "AR", AsOf = On("2023-06-01") });
        var kinds = response.Suggestions.Select(s => s.ContactKind).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(kinds, Has.None.EqualTo("focal_point"));
            Assert.That(kinds, Has.None.EqualTo("mailbox"), "no mailbox was in force in 2023");
            Assert.That(response.Suggestions[0].UnitId, Is.EqualTo("doe-fn-shelter-settlements"));
            Assert.That(response.Suggestions[1].OfficeId, Is.EqualTo("ro-buenos-aires"));
            Assert.That(response.Suggestions[1].Reasons[0], Does.Contain("records no DHRR Regional Thematic Specialist"));
            Assert.That(response.Suggestions[1].Reasons[0], Does.Not.Contain("existed"), "003 speaks of RTS before 2024");
        });
    }

    [Test]
    public async Task AsOfToday_SameQuestionFromArgentina_GoesToTheRtsInPanamaCity()
    {
        var response = await Suggest(new SuggestContactsRequest { Query = "emergency shelter for displaced families", AskerCountry = "AR" });
        Assert.That(response.Suggestions[0].OfficeCity, Is.EqualTo("Panama City"));
    }

    [Test]
    public async Task OutOfScopeQuestion_IsNotConfident_AndStillAnswersWithAFallback()
    {
        var response = await Suggest(new SuggestContactsRequest { Query = "What is the recipe for a chocolate cake?", AskerCountry = "KE" });
        Assert.Multiple(() =>
        {
            Assert.That(response.Confident, Is.False);
            Assert.That(response.Suggestions, Is.Not.Empty);
            Assert.That(response.Suggestions[0].OfficeId, Is.EqualTo("ro-nairobi"));
            Assert.That(response.Suggestions[0].Reasons[0], Does.Contain("No unit clearly answers"));
        });
    }

    [Test]
    public async Task MaxResults_LimitsTheList()
    {
        var response = await Suggest(new SuggestContactsRequest { Query = "legal advice", MaxResults = 2 });
        Assert.That(response.Suggestions, Has.Count.LessThanOrEqualTo(2));
    }

    [TestCase("", "query")]
    [TestCase("   ", "query")]
    public async Task EmptyQuery_IsInvalidArgumentNamingQuery(string query, string field) =>
        await AssertInvalid(new SuggestContactsRequest { Query = query }, field);

    [Test]
    public async Task OverLongQuery_IsInvalidArgumentNamingQuery() =>
        await AssertInvalid(new SuggestContactsRequest { Query = new string('a', 2001) }, "query");

    [TestCase(-1)]
    [TestCase(21)]
    public async Task MaxResultsOutOfRange_IsInvalidArgumentNamingMaxResults(int max) =>
        await AssertInvalid(new SuggestContactsRequest { Query = "cash", MaxResults = max }, "max_results");

    [Test]
    public async Task UnknownLanguage_IsInvalidArgumentNamingLanguage() =>
        await AssertInvalid(new SuggestContactsRequest { Query = "cash", Language = "de" }, "language");

    [Test]
    public async Task UnknownAskerCountry_IsInvalidArgumentNamingAskerCountry() =>
        await AssertInvalid(new SuggestContactsRequest { Query = "cash", AskerCountry = "Atlantis" }, "asker_country");

    /// <summary>The field is named in google.rpc.BadRequest, in grpc-status-details-bin.</summary>
    private async Task AssertInvalid(SuggestContactsRequest request, string field)
    {
        var failure = await Support.Api.Failure(() => Suggest(request));
        Assert.Multiple(() =>
        {
            Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(failure.Fields, Is.EqualTo(new[] { field }));
        });
    }
}
