using Microsoft.Playwright;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// Issue 28's pictures, in a real headless Chromium: the org chart diagram and the coverage map are drawn by the
/// server as SVG, every box and country is a link to its page, both follow the as-of date, and the country page
/// shows the asker's region.
/// </summary>
[TestFixture]
public sealed class PicturesTests : BrowserFixture
{
    [Test]
    public async Task The_diagram_boxes_lead_to_their_pages()
    {
        var page = await OpenAsync("/browse?lang=en", width: 1366);
        var hq = page.Locator("[aria-labelledby=hq-diagram] svg a");
        Assert.That(await hq.CountAsync(), Is.GreaterThan(10));
        await ElementScreenshotAsync(page.Locator("[aria-labelledby=hq-diagram].diagram"), "diagram");
        var dhrr = page.Locator("[aria-labelledby=hq-diagram] svg a[aria-label^='Department of Humanitarian Response and Recovery']");
        var opened = page.WaitForURLAsync("**/units/dhrr?**");
        await dhrr.ClickAsync();
        await opened;
        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.Contain("Humanitarian Response and Recovery"));

        await page.GoBackAsync();
        var dakar = page.Locator("[aria-labelledby=field-diagram] svg a[href^='/offices/ro-dakar']");
        Assert.That(await dakar.GetAttributeAsync("aria-label"), Does.Match(@"Dakar \d+ countries covered$"));
        var office = page.WaitForURLAsync("**/offices/ro-dakar**");
        await dakar.ClickAsync();
        await office;
        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.Contain("Dakar"));
    }

    [Test]
    public async Task The_diagram_shows_more_levels_on_demand_and_follows_the_date()
    {
        var page = await OpenAsync("/browse?lang=en");
        var boxes = await page.Locator("[aria-labelledby=hq-diagram] svg a").CountAsync();
        await page.Locator("#more-levels").ClickAsync();
        await page.WaitForURLAsync("**levels=3**");
        Assert.That(await page.Locator("[aria-labelledby=hq-diagram] svg a").CountAsync(), Is.GreaterThan(boxes), "divisions and units are drawn too");
        Assert.That(await page.Locator("[aria-labelledby=hq-diagram] svg a[href^='/units/cbi-unit']").CountAsync(), Is.EqualTo(1));

        var today = await page.Locator("[aria-labelledby=field-diagram] svg a.level1").CountAsync();
        await page.GotoAsync(new Uri(Web, "/browse?lang=en&asOf=2023-06-01").ToString());
        Assert.That(await page.Locator("[aria-labelledby=field-diagram] svg a.level1").CountAsync(), Is.EqualTo(9), "nine regional offices before 2024");
        Assert.That(today, Is.Not.EqualTo(9));
    }

    [Test]
    public async Task The_map_colours_countries_by_regional_office_and_links_them()
    {
        var page = await OpenAsync("/map?lang=en", width: 1366);
        var countries = page.Locator("figure.map svg a[href^='/countries/']");
        Assert.That(await countries.CountAsync(), Is.GreaterThan(170), "every covered country drawn (small states as dots)");
        string Colour(string code) => $"figure.map svg a[href^='/countries/{code}?']";
        var mali = await page.Locator(Colour("ML")).GetAttributeAsync("class");
        Assert.That(await page.Locator(Colour("SN")).GetAttributeAsync("class"), Is.EqualTo(mali), "Mali and Senegal: both the Regional Office in Dakar");
        Assert.That(await page.Locator(Colour("KE")).GetAttributeAsync("class"), Is.Not.EqualTo(mali), "Kenya: another regional office");
        Assert.That(await page.Locator(Colour("ML")).GetAttributeAsync("aria-label"), Is.EqualTo("Mali — Regional Office in Dakar"));
        Assert.That(await page.Locator("ul.legend li").CountAsync(), Is.EqualTo(await page.Locator("h3[id^=region-]").CountAsync()),
            "a legend entry and a list in words for each regional office");
        await ScreenshotAsync(page, "map");
        await ElementScreenshotAsync(page.Locator("figure.map"), "map-figure");

        var opened = page.WaitForURLAsync("**/countries/ML**");
        await page.Locator(Colour("ML")).ClickAsync();
        await opened;
        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.Contain("Mali"));
    }

    [Test]
    public async Task Before_2024_the_map_shows_the_nine_regional_offices()
    {
        var page = await OpenAsync("/map?lang=fr&asOf=2023-06-01");
        Assert.That(await page.Locator("ul.legend li").CountAsync(), Is.EqualTo(9));
        var today = await OpenAsync("/map?lang=fr");
        Assert.That(await today.Locator("ul.legend li").CountAsync(), Is.Not.EqualTo(9));
    }

    [Test]
    public async Task The_country_page_highlights_the_askers_region()
    {
        var page = await OpenAsync("/countries/ML?lang=es");
        var map = page.Locator("figure.map");
        Assert.That(await map.Locator("a[href^='/countries/ML?']").GetAttributeAsync("class"), Does.Contain("here"));
        Assert.That(await map.Locator("a[href^='/countries/SN?']").GetAttributeAsync("class"), Does.Not.Contain("dim"), "Senegal: the same region");
        Assert.That(await map.Locator("a[href^='/countries/KE?']").GetAttributeAsync("class"), Is.EqualTo("dim"), "Kenya: another region, greyed");
        Assert.That(await map.Locator("ul.legend li:not(.dim)").CountAsync(), Is.EqualTo(1));
        Assert.That(await map.Locator("ul.legend li:not(.dim)").InnerTextAsync(), Does.Contain("Dakar"));
    }

    /// <summary>A picture of one element, kept with the other screenshots.</summary>
    private static async Task ElementScreenshotAsync(ILocator element, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }
}
