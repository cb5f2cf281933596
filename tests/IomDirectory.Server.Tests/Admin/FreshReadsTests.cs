using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>Search, ResolveCountry and SuggestContacts see a committed change on the next call, without a restart.</summary>
[TestFixture]
public sealed class FreshReadsTests
{
    private RunningServer _server = null!;

    [SetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private async Task<ContactSuggestion> Ask(string query) =>
        (await _server.Routing.SuggestContactsAsync(new SuggestContactsRequest { Query = query })).Suggestions[0];

    [Test]
    public async Task RoutingAnswer_ChangesRightAfterAMailboxIsReassigned()
    {
        var before = await Ask("cash vouchers");
        Assert.That(before.Email, Is.EqualTo("cbisupport@iom.int"));
        Assert.That(before.UnitId, Is.EqualTo("cbi-unit"));

        var mailbox = (await _server.Directory.ListMailboxesAsync(new ListMailboxesRequest { UnitId = "cbi-unit" })).Mailboxes.Single();
        var reassigned = await _server.Admin.UpdateMailboxAsync(new UpdateMailboxRequest
        {
            Id = mailbox.Id, ExpectedVersion = mailbox.Version, Mailbox = new MailboxInput { OwnerUnitId = "hod" },
            UpdateMask = new FieldMask { Paths = { "owner_unit_id" } }, Write = Api.Because("CBI mailbox handed to Humanitarian Operations"),
        }, RunningServer.Bearer(_server.Token("erin.editor", Roles.Editor)));
        Assert.That(reassigned.OwnerUnitId, Is.EqualTo("hod"));

        var after = await Ask("cash vouchers");
        Assert.That(after.Email, Is.Not.EqualTo("cbisupport@iom.int"), "the CBI Unit no longer owns that mailbox");
        Assert.That(after.Email, Is.EqualTo("dhrr@iom.int"), "so its topics go to the mailbox of the department above it");
    }

    [Test]
    public async Task RepeatedRoutingQuestion_IsAnsweredAfreshAfterTheSuggestedUnitIsRenamed()
    {
        var first = await Ask("cash vouchers");
        var again = await Ask("cash vouchers");
        Assert.That(again, Is.EqualTo(first), "the same question on the same org chart gets the same answer");
        Assert.That(first.UnitId, Is.EqualTo("cbi-unit"));

        var unit = await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "cbi-unit" });
        await _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = unit.Id, ExpectedVersion = unit.Version, Unit = new UnitInput { Name = new LocalizedText { En = "Cash and Voucher Assistance Unit" } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("CBI Unit renamed"),
        }, RunningServer.Bearer(_server.Token("erin.editor", Roles.Editor)));

        var after = await Ask("cash vouchers");
        Assert.That(after.UnitName, Does.StartWith("Cash and Voucher Assistance Unit"));
    }

    [Test]
    public async Task RoutingAnswers_WithTheAnswerCacheOff_AreTheSame()
    {
        await using var uncached = await RunningServer.StartAsync("--ReadModel:ResponseCacheSize=0");
        var request = new SuggestContactsRequest { Query = "cash vouchers", AskerCountry = "KE" };
        var computed = await uncached.Routing.SuggestContactsAsync(request);
        await _server.Routing.SuggestContactsAsync(request);
        var remembered = await _server.Routing.SuggestContactsAsync(request);
        Assert.That(remembered, Is.EqualTo(computed));
    }

    [Test]
    public async Task ResolveCountry_SeesNewCoverageOnTheNextCall()
    {
        var before = await _server.Directory.ResolveCountryAsync(new ResolveCountryRequest { Country = "SS" });
        await _server.Admin.SetCoverageAsync(new SetCoverageRequest
        {
            OfficeId = "sro-pretoria",
            CountryCodes = { (await _server.Directory.GetOfficeAsync(new GetOfficeRequest { Id = "sro-pretoria" })).CoveredCountries.Append("SS") },
            Write = Api.Because("South Sudan joins the Pretoria sub-region"),
        }, RunningServer.Bearer(_server.Token("ann.admin", Roles.Admin)));
        var after = await _server.Directory.ResolveCountryAsync(new ResolveCountryRequest { Country = "SS" });
        Assert.That(before.SubRegionalOffice, Is.Null);
        Assert.That(after.SubRegionalOffice.Id, Is.EqualTo("sro-pretoria"));
    }
}
