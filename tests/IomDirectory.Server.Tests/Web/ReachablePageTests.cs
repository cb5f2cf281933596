using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.Playwright;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace IomDirectory.Server.Tests.Web;

/// <summary>Every answer reachable (#24), as a person sees it in Chromium: routes, channels, people.</summary>
[TestFixture]
public sealed class ReachablePageTests : BrowserFixture
{
    private const string CampQuestion = "Support for camp coordination and camp management";

    [Test]
    public async Task An_RTS_card_without_an_address_says_so_and_gives_DHRRs_address_as_the_route()
    {
        var page = await OpenAsync("/ask?lang=en&country=TH&q=" + Uri.EscapeDataString(CampQuestion));
        var first = page.Locator("ol.cards > li").First;
        Assert.That(await first.GetAttributeAsync("data-kind"), Is.EqualTo("focal_point"));
        var route = first.Locator(".route");
        Assert.That(await route.InnerTextAsync(), Does.StartWith("No direct address in the sources; write to").And.Contain("close coordination with DHRR"));
        Assert.That(await route.GetByRole(AriaRole.Link).GetAttributeAsync("href"), Is.EqualTo("mailto:dhrr@iom.int"));
    }

    [Test]
    public async Task An_office_page_shows_a_phone_and_a_postal_address_set_by_an_editor()
    {
        var editor = Server.Token("erin.editor", Roles.Editor);
        var office = await Server.Directory.GetOfficeAsync(new GetOfficeRequest { Id = "ro-bangkok" });
        await Server.Admin.UpdateOfficeAsync(new UpdateOfficeRequest
        {
            Id = "ro-bangkok", ExpectedVersion = office.Version,
            Office = new OfficeInput { Channels = new ChannelsInput { Phones = { "+66 2 000 0000" }, PostalAddress = "Test Road 1\nBangkok" } },
            UpdateMask = new FieldMask { Paths = { "channels.phones", "channels.postal_address" } }, Write = Api.Because("TICKET-WEB-1"),
        }, RunningServer.Bearer(editor));

        var page = await OpenAsync("/offices/ro-bangkok?lang=en");
        Assert.That(await page.GetByRole(AriaRole.Heading, new() { Name = "Contact" }).IsVisibleAsync(), Is.True);
        Assert.That(await page.GetByRole(AriaRole.Link, new() { Name = "+66 2 000 0000" }).GetAttributeAsync("href"), Is.EqualTo("tel:+6620000000"));
        Assert.That(await page.Locator("dl.contact").InnerTextAsync(), Does.Contain("Test Road 1").And.Contain("Change made through the AdminService"));

        var gap = await OpenAsync("/offices/ro-cairo?lang=en");
        Assert.That(await gap.Locator("#unreachable").IsVisibleAsync(), Is.True, "an office the sources give no address for says so");
    }

    [Test]
    public async Task A_focal_points_person_is_on_the_answer_card()
    {
        var editor = Server.Token("erin.editor", Roles.Editor);
        var rts = (await Server.Directory.ListFocalPointsAsync(new ListFocalPointsRequest { PageSize = 500 }))
            .FocalPoints.Single(f => f.Id == "rts-dakar");
        await Server.Admin.UpdateFocalPointAsync(new UpdateFocalPointRequest
        {
            Id = "rts-dakar", ExpectedVersion = rts.Version, FocalPoint = new FocalPointInput { PersonName = "Test Person", PersonTitle = "Test Title" },
            UpdateMask = new FieldMask { Paths = { "person_name", "person_title" } }, Write = Api.Because("TICKET-WEB-2"),
        }, RunningServer.Bearer(editor));

        var page = await OpenAsync("/ask?lang=en&country=ML&q=" + Uri.EscapeDataString(CampQuestion));
        Assert.That(await page.Locator("ol.cards > li").First.InnerTextAsync(), Does.Contain("Test Person, Test Title"));
    }
}
