using Microsoft.Playwright;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// Issue 28, in a real headless Chromium: the answer above the fold on a 390×844 phone, nothing wider than the
/// phone, tap targets of 44 px; search that forgives typos and names countries; and the small surprises (a country
/// named in the question beats a remembered one, dates in words, errors that keep what was typed, cities in the
/// page's language, print and dark schemes).
/// </summary>
[TestFixture]
public sealed class PhoneAndSearchTests : BrowserFixture
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    /// <summary>Every main page, as a phone user reaches them (history tables, the diagram and the map included).</summary>
    public static readonly string[] MainPages =
    [
        "/ask", "/ask?q=" + Uri.EscapeDataString("camp coordination in Mali"), "/browse", "/browse?asOf=2023-06-01", "/countries", "/countries/ML",
        "/browse?levels=3", "/search?q=protection", "/search?q=shleter", "/search?q=Mali", "/units/cbi-unit", "/offices/ro-dakar", "/offices/hq-geneva",
        "/map", "/map?asOf=2023-06-01",
    ];

    [Test]
    public async Task On_a_phone_the_first_answer_is_inside_the_screen_after_asking()
    {
        var page = await OpenAsync("/ask?lang=en", width: PhoneWidth, height: PhoneHeight);
        await page.GetByLabel("Your question").FillAsync("Who handles cash-based interventions?");
        var answered = page.WaitForURLAsync("**q=**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await answered;
        var box = await page.Locator("ol.cards > li").First.BoundingBoxAsync();
        Assert.That(box, Is.Not.Null);
        Assert.That(await page.EvaluateAsync<double>("window.scrollY"), Is.Zero, "nothing scrolled for the person");
        Assert.That(box!.Y + 120, Is.LessThan(PhoneHeight), $"the first answer starts at y = {box.Y}: its top and first lines are on screen");
        await ScreenshotAsync(page, "phone-answer");
    }

    [TestCase("en"), TestCase("fr"), TestCase("es")]
    public async Task No_main_page_scrolls_sideways_on_a_phone(string language)
    {
        foreach (var path in MainPages)
        {
            var page = await OpenAsync(path + (path.Contains('?') ? "&" : "?") + "lang=" + language, width: PhoneWidth, height: PhoneHeight);
            var (wide, screen) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
            Assert.That(wide, Is.LessThanOrEqualTo(screen), $"{path} ({language}) is {wide} px wide on a {screen} px screen");
            await page.Context.CloseAsync();
        }
    }

    [Test]
    public async Task The_history_table_reflows_into_one_column_on_a_phone()
    {
        var page = await OpenAsync("/units/cbi-unit?lang=fr", width: PhoneWidth, height: PhoneHeight);
        var table = page.Locator("table[aria-labelledby=history]");
        Assert.That((await table.BoundingBoxAsync())!.Width, Is.LessThanOrEqualTo(PhoneWidth));
        var cell = table.Locator("tbody tr").First.Locator("td").First;
        Assert.That(await cell.EvaluateAsync<string>("c => getComputedStyle(c, '::before').content"), Does.Contain("Du").Or.Contain("De"),
            "each cell says which column it was");
    }

    [Test]
    public async Task Controls_and_list_links_are_at_least_44_px_high_on_a_phone()
    {
        foreach (var path in new[] { "/ask?lang=en", "/browse?lang=en", "/countries?lang=en", "/search?lang=en&q=protection" })
        {
            var page = await OpenAsync(path, width: PhoneWidth, height: PhoneHeight);
            var small = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('header a, button, select, input:not([type=hidden]), summary, .tree a, .columns a, .hits a, .crumbs a')]
                  .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
                  .filter(e => e.getBoundingClientRect().height < 44 && !e.closest('.skip'))
                  .map(e => (e.tagName + ' ' + (e.textContent || e.name || '').trim()).slice(0, 60) + ' ' + Math.round(e.getBoundingClientRect().height) + 'px')
                """);
            Assert.That(small, Is.Empty, $"tap targets under 44 px on {path}");
            await page.Context.CloseAsync();
        }
    }

    [Test]
    public async Task Search_corrects_a_misspelt_word_as_Ask_does()
    {
        var page = await OpenAsync("/search?lang=en&q=shleter");
        Assert.That(await page.Locator("#corrected").InnerTextAsync(), Does.Contain("shelter"));
        var first = page.Locator("ul.hits a[href^='/units/'], ul.hits a[href^='/offices/']").First;
        Assert.That(await first.InnerTextAsync(), Does.Contain("Shelter").IgnoreCase);
        var opened = page.WaitForURLAsync("**/units/**");
        await first.ClickAsync();
        await opened;
        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.Contain("Shelter").IgnoreCase);

        // Where the text as typed finds something, the correction is offered, not imposed.
        var mixed = await OpenAsync("/search?lang=en&q=" + Uri.EscapeDataString("shleter protection"));
        Assert.That(await mixed.Locator("#did-you-mean a").InnerTextAsync(), Is.EqualTo("shelter protection"));
        var corrected = mixed.WaitForURLAsync("**q=shelter**");
        await mixed.Locator("#did-you-mean a").ClickAsync();
        await corrected;
        Assert.That(await mixed.Locator("ul.hits li").CountAsync(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Search_finds_a_country_and_offers_its_page_and_Ask()
    {
        var page = await OpenAsync("/search?lang=fr&q=Mali");
        var country = page.Locator("ul[aria-labelledby=countries-found] a[href^='/countries/']").First;
        Assert.That(await country.InnerTextAsync(), Is.EqualTo("Mali"));
        Assert.That(await page.Locator("ul[aria-labelledby=countries-found]").InnerTextAsync(), Does.Contain("Dakar"), "with its regional office");
        var shown = page.WaitForURLAsync("**/countries/ML**");
        await country.ClickAsync();
        await shown;
        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.Contain("Mali"));

        var nothing = await OpenAsync("/search?lang=en&q=" + Uri.EscapeDataString("zqxv wibble"));
        var ask = nothing.Locator("#search-instead a[href^='/ask']");
        Assert.That(await ask.GetAttributeAsync("href"), Does.Contain("q=zqxv%20wibble"));
        Assert.That(await nothing.Locator("#search-instead a[href^='/countries']").CountAsync(), Is.EqualTo(1));
        var asked = nothing.WaitForURLAsync("**/ask?**");
        await ask.ClickAsync();
        await asked;
        Assert.That(await nothing.Locator("#q").InputValueAsync(), Is.EqualTo("zqxv wibble"), "the question is carried over to Ask");
    }

    [Test]
    public async Task A_country_named_in_the_question_beats_the_remembered_one_but_not_a_choice()
    {
        var page = await OpenAsync("/ask?lang=en&country=KE&q=" + Uri.EscapeDataString("cash-based interventions"));   // remembers Kenya
        await page.GotoAsync(new Uri(Web, "/ask?lang=en").ToString());
        Assert.That(await page.GetByLabel("Your country (optional)").InputValueAsync(), Is.EqualTo("KE"), "the form is pre-filled from memory");
        await page.GetByLabel("Your question").FillAsync("camp management in Mali");
        var answered = page.WaitForURLAsync("**q=**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await answered;
        Assert.That(await page.Locator("ol.cards > li").First.InnerTextAsync(), Does.Contain("Dakar").And.Not.Contain("Nairobi"));
        Assert.That(await page.GetByLabel("Your country (optional)").InputValueAsync(), Is.EqualTo("ML"), "the form shows the country read from the question");

        // Picked in this request, Kenya wins over the question.
        await page.GetByLabel("Your country (optional)").SelectOptionAsync("KE");
        var again = page.WaitForURLAsync("**country=KE**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await again;
        Assert.That(await page.Locator("ol.cards > li").First.InnerTextAsync(), Does.Contain("Nairobi"));
    }

    [Test]
    public async Task The_quoted_question_carries_its_own_language_and_cities_follow_the_page()
    {
        var page = await OpenAsync("/ask?lang=en&q=" + Uri.EscapeDataString("Qui s'occupe des transferts monétaires en Colombie ?"));
        Assert.That(await page.Locator("#results ~ p.meta span[lang=fr]").InnerTextAsync(), Does.StartWith("Qui s'occupe"));

        var spanish = await OpenAsync("/ask?lang=es&q=" + Uri.EscapeDataString("transferencias monetarias en Colombia"));
        var cards = await spanish.Locator("ol.cards").InnerTextAsync();
        Assert.That(cards, Does.Contain("Ciudad de Panamá").Or.Contain("Ginebra"));
        Assert.That(cards, Does.Not.Contain("Panama City").And.Not.Contain(", Geneva"));
    }

    [Test]
    public async Task The_date_is_said_in_words_and_an_error_keeps_what_was_typed()
    {
        var page = await OpenAsync("/browse?lang=fr&asOf=2023-06-01");
        Assert.That(await page.Locator("#asof-summary").InnerTextAsync(), Does.Contain("1 juin 2023"));

        var error = await OpenAsync("/ask?lang=en&q=" + Uri.EscapeDataString("cash in Kenya") + "&asOf=2023-13-45");
        ForgetExpectedProblems("status of 400");
        Assert.That(await error.Locator("#q").InputValueAsync(), Is.EqualTo("cash in Kenya"));
        Assert.That(await error.Locator("#asof-typed").InputValueAsync(), Is.EqualTo("2023-13-45"));
        await error.Locator("#asof-typed").FillAsync("2023-12-31");
        var fixedUp = error.WaitForURLAsync("**asOf=2023-12-31**");
        await error.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await fixedUp;
        Assert.That(await error.Locator("ol.cards > li").CountAsync(), Is.GreaterThan(0), "the corrected request is answered");
    }

    [Test]
    public async Task The_countries_page_preselects_no_country()
    {
        var page = await OpenAsync("/countries?lang=en");
        Assert.That(await page.GetByLabel("Choose your country").InputValueAsync(), Is.Empty);
    }

    [Test]
    public async Task Print_leaves_out_navigation_and_dark_follows_the_system()
    {
        var page = await OpenAsync("/ask?lang=en&q=" + Uri.EscapeDataString("Who handles cash-based interventions?"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.That(await page.Locator("header.site nav").IsVisibleAsync(), Is.False);
        Assert.That(await page.Locator("form.ask").IsVisibleAsync(), Is.False);
        Assert.That(await page.Locator("ol.cards").IsVisibleAsync(), Is.True);

        var light = await OpenAsync("/ask?lang=en");
        var dark = await OpenAsync("/ask?lang=en", colorScheme: ColorScheme.Dark);
        const string Background = "getComputedStyle(document.documentElement).backgroundColor";
        Assert.That(await light.EvaluateAsync<string>(Background), Is.EqualTo("rgb(255, 255, 255)"));
        Assert.That(await dark.EvaluateAsync<string>(Background), Is.EqualTo("rgb(18, 21, 25)"));
    }
}
