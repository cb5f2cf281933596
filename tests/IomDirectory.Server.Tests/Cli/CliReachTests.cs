using IomDirectory.Contracts.V1;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Cli;

/// <summary>Filling gaps from the command line (#24): create each kind, edit a focal point, channels, the gaps report.</summary>
[TestFixture]
public sealed class CliReachTests
{
    private CliServer _cli = null!;

    [OneTimeSetUp]
    public async Task Start() => _cli = await CliServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cli.DisposeAsync();

    private async Task<int> GapCount() =>
        (await _cli.RunAs(_cli.Reader, "gaps", "--json")).Ok().Json().GetProperty("total").GetInt32();

    [Test]
    public async Task CreateEachKind_ThenEditTheFocalPoint_AndTheGapsReportShrinks()
    {
        var gaps = await GapCount();
        (await _cli.RunAs(_cli.Editor, "create", "office", "co-cli-test", "--set", "type=country_office", "--set", "name.en=CLI test office",
            "--set", "country_code=PT", "--reason", "TICKET-CLI-1")).Ok();
        Assert.That(await GapCount(), Is.EqualTo(gaps + 1), "a new office without an address is a gap");
        (await _cli.RunAs(_cli.Editor, "create", "unit", "cli-test-unit", "--set", "kind=unit", "--set", "name.en=CLI test unit",
            "--set", "parent_unit_id=executive-office", "--reason", "TICKET-CLI-2")).Ok();
        (await _cli.RunAs(_cli.Editor, "create", "focal-point", "fp-cli-test", "--set", "role_title.en=CLI test focal point",
            "--set", "office_id=co-cli-test", "--set", "unit_id=cli-test-unit", "--reason", "TICKET-CLI-3")).Ok();
        Assert.That(await GapCount(), Is.EqualTo(gaps + 3));

        var mailbox = (await _cli.RunAs(_cli.Editor, "create", "mailbox", "mb-cli-test", "--set", "owner_office_id=co-cli-test",
            "--set", "address=cli.test@example.org", "--reason", "TICKET-CLI-4", "--json")).Ok().Json();
        Assert.That(mailbox.GetProperty("ownerOfficeId").GetString(), Is.EqualTo("co-cli-test"));
        (await _cli.RunAs(_cli.Editor, "edit", "unit", "cli-test-unit", "--set", "channels.emails=cli.unit@example.org", "--reason", "TICKET-CLI-5")).Ok();
        var edited = (await _cli.RunAs(_cli.Editor, "edit", "focal-point", "fp-cli-test", "--set", "person_name=Test Person",
            "--set", "channels.route_via_id=cli-test-unit", "--set", "channels.route_reason.en=The unit answers for its focal point (test).",
            "--reason", "TICKET-CLI-6", "--json")).Ok().Json();
        Assert.That(edited.GetProperty("personName").GetString(), Is.EqualTo("Test Person"));
        Assert.That(edited.GetProperty("route").GetProperty("email").GetString(), Is.EqualTo("cli.unit@example.org"));
        Assert.That(await GapCount(), Is.EqualTo(gaps), "office, unit and focal point are reachable now");
    }

    [Test]
    public async Task AnOfficesPhoneAndAddress_SetThroughTheCli_ShowInShowAndJson()
    {
        (await _cli.RunAs(_cli.Editor, "edit", "office", "ro-cairo", "--set", "channels.phones=+20 2 0000 0000",
            "--set", "channels.postal_address=Test Street 1, Cairo", "--reason", "TICKET-CLI-7")).Ok();
        var shown = (await _cli.Run("show", "RO-CAIRO")).Ok().Stdout;
        Assert.That(shown, Does.Contain("+20 2 0000 0000").And.Contain("Test Street 1, Cairo").And.Contain("audit-trail"));
        var json = (await _cli.Run("show", "ro-cairo", "--json")).Ok().Json();
        Assert.That(json.GetProperty("channels").GetProperty("phones")[0].GetProperty("value").GetString(), Is.EqualTo("+20 2 0000 0000"));
        Assert.That(json.GetProperty("reachable").GetBoolean(), Is.True);
    }

    [Test]
    public async Task BadChannelValues_AreExit4_NamingTheFlags()
    {
        var line = (await _cli.RunAs(_cli.Editor, "edit", "office", "ro-vienna", "--set", "channels.phones=12345",
            "--set", "channels.website=http://example.org", "--reason", "TICKET-CLI-8")).Failed(4);
        Assert.That(line, Does.Contain("--set channels.phones:").And.Contain("--set channels.website:"));
        (await _cli.RunAs(_cli.Editor, "edit", "office", "ro-vienna", "--set", "channels.fax=1", "--reason", "TICKET-CLI-9")).Failed(2);
    }

    [Test]
    public async Task Show_FindsIdsAndAcronymsInAnyCase_AndAskShowsTheRoute()
    {
        Assert.That((await _cli.Run("show", "DHRR-Directors-Office")).Ok().Stdout, Does.Contain("dhrr@iom.int"), "the route through DHRR");
        Assert.That((await _cli.Run("show", "Pcca")).Ok().Stdout, Does.Contain("pcca"));
        Assert.That((await _cli.Run("show", "cbi")).Ok().Stdout, Does.Contain("cbi-unit"), "by acronym");
        var answer = (await _cli.Run("ask", "Support for camp coordination and camp management", "--country", "TH")).Ok().Stdout;
        Assert.That(answer, Does.Contain("No direct address in the sources; write to").And.Contain("<dhrr@iom.int>"));
    }
}
