using System.Net;
using Microsoft.Playwright;

namespace IomDirectory.Server.Tests.Web;

/// <summary>What a country-office person sees on the web page, in a real headless Chromium against the real server.</summary>
[TestFixture]
public sealed class WebPageTests : BrowserFixture
{
    [Test]
    public async Task Asking_in_French_from_Mali_shows_the_RTS_of_the_Regional_Office_in_Dakar_first()
    {
        var page = await OpenAsync("", acceptLanguage: "fr-FR,fr;q=0.9");
        await page.GotoAsync(new Uri(Web, "/ask").ToString());
        await page.GetByLabel("Votre question").FillAsync("Appui pour la coordination et la gestion des camps au Mali");
        await page.GetByLabel("Votre pays (facultatif)").SelectOptionAsync("ML");
        await page.GetByRole(AriaRole.Button, new() { Name = "Demander" }).ClickAsync();

        var first = page.Locator("ol.cards > li").First;
        Assert.That(await first.GetAttributeAsync("data-kind"), Is.EqualTo("focal_point"));
        Assert.That(await first.InnerTextAsync(), Does.Contain("RTS").And.Contain("Dakar"));
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("fr"));
        Assert.That(page.Url, Does.Contain("country=ML"), "the answer is a link that can be shared");
        await ScreenshotAsync(page, "ask-fr-mali");

        // The country is remembered: the next visit's form has it chosen.
        await page.GotoAsync(new Uri(Web, "/").ToString());
        Assert.That(await page.GetByLabel("Votre pays (facultatif)").InputValueAsync(), Is.EqualTo("ML"));
    }

    [Test]
    public async Task A_question_in_Spanish_gets_a_Spanish_interface()
    {
        var page = await OpenAsync("/ask?q=" + Uri.EscapeDataString("¿Quién se ocupa de las transferencias monetarias en Colombia?"));
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("es"));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("¿A quién contacto?"));
        Assert.That(await page.Locator("ol.cards > li").CountAsync(), Is.GreaterThan(0));
        Assert.That(await page.Locator("ol.cards a[href^='mailto:']").CountAsync(), Is.GreaterThan(0), "e-mail addresses are mailto: links");
    }

    [Test]
    public async Task The_tree_opens_down_to_a_unit_page_with_its_provenance_and_history()
    {
        var page = await OpenAsync("/browse?lang=en");
        await ScreenshotAsync(page, "browse");
        // A closed branch of the headquarters tree: opened by its toggle (beside the unit's link, not around it), it
        // shows the units under it.
        var branchUnit = await page.Locator("ul.tree[aria-labelledby=hq] details:not([open])").First.Locator("xpath=preceding-sibling::a[1]").GetAttributeAsync("href");
        var closed = page.Locator($"li:has(> a[href='{branchUnit}']) > details");
        var unitLink = closed.Locator("> ul a[href^='/units/']").First;
        Assert.That(await unitLink.IsVisibleAsync(), Is.False, "a closed branch hides its units");
        await closed.Locator("> summary").ClickAsync();
        await unitLink.WaitForAsync();
        var opened = page.WaitForURLAsync("**/units/**");
        await unitLink.ClickAsync();
        await opened;
        Assert.That(await page.Locator("main .meta").First.InnerTextAsync(), Does.StartWith("Source: "));
        Assert.That(await page.Locator("nav.crumbs li").CountAsync(), Is.GreaterThanOrEqualTo(2), "breadcrumbs show the parent chain");
        Assert.That(await page.Locator("#history").IsVisibleAsync(), Is.True);
        Assert.That(await page.Locator("table[aria-labelledby=history] tbody tr").CountAsync(), Is.GreaterThan(0));
        await ScreenshotAsync(page, "unit");
    }

    [Test]
    public async Task Before_2024_the_org_chart_has_nine_regional_offices()
    {
        var page = await OpenAsync("/browse?lang=en");
        await page.Locator("#asof-summary").ClickAsync();   // the date tool is folded (phones first)
        await page.GetByLabel("Org chart as of", new() { Exact = true }).FillAsync("2023-06-01");
        var shown = page.WaitForURLAsync("**asOf=2023-06-01**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await shown;
        Assert.That(await page.Locator("ul.tree[aria-labelledby=regions] > li").CountAsync(), Is.EqualTo(9));
        Assert.That(await page.Locator(".banner").InnerTextAsync(), Does.Contain("1 June 2023"));

        await page.GotoAsync(new Uri(Web, "/browse?lang=en").ToString());
        Assert.That(await page.Locator("ul.tree[aria-labelledby=regions] > li").CountAsync(), Is.Not.EqualTo(9), "today's chart is the later one");
    }

    [Test]
    public async Task An_off_topic_question_shows_the_not_sure_banner()
    {
        var page = await OpenAsync("/ask?lang=en&q=" + Uri.EscapeDataString("What is the best pizza recipe?"));
        Assert.That(await page.Locator("#not-sure").IsVisibleAsync(), Is.True);
        Assert.That(await page.Locator("#not-sure").InnerTextAsync(), Does.StartWith("Not sure"));

        var confident = await OpenAsync("/ask?lang=en&q=" + Uri.EscapeDataString("Who handles cash-based interventions?"));
        Assert.That(await confident.Locator("#not-sure").CountAsync(), Is.Zero);
    }

    [Test]
    public async Task The_keyboard_alone_reaches_the_answer()
    {
        var page = await OpenAsync("/ask?lang=en");
        for (var i = 0; i < 30 && await page.EvaluateAsync<string>("document.activeElement.id") != "q"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.That(await page.EvaluateAsync<string>("document.activeElement.id"), Is.EqualTo("q"));
        const string Question = "Who handles cash-based interventions in Kenya?";
        await page.Keyboard.TypeAsync(Question);
        Assert.That(await page.InputValueAsync("#q"), Is.EqualTo(Question), "the keyboard typed into the question box");
        // The wait for the navigation is set up before Enter is pressed, so a fast answer cannot slip past it.
        var answered = page.WaitForURLAsync("**q=**");
        await page.Keyboard.PressAsync("Enter");
        await answered;
        string? focused = null;
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("document.activeElement.getAttribute('href') || ''");
            if (focused.StartsWith("mailto:", StringComparison.Ordinal)) break;
        }
        Assert.That(focused, Does.StartWith("mailto:"), "an e-mail address of the answer gets the focus");
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.That(outline, Is.Not.EqualTo("none"), "focus is visible");
    }

    [Test]
    public async Task My_country_search_and_office_pages_render_in_a_phone_sized_window()
    {
        var page = await OpenAsync("/countries/ML?lang=fr", width: 390);
        Assert.That(await page.Locator("#rts").InnerTextAsync(), Does.Contain("DHRR"));
        Assert.That(await page.Locator("main").InnerTextAsync(), Does.Contain("Dakar"));
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.That(overflow, Is.False, "no sideways scrolling on a phone");
        await ScreenshotAsync(page, "country-mali");

        var search = await OpenAsync("/search?lang=en&q=developpement");
        Assert.That(await search.Locator("ul.hits mark").CountAsync(), Is.GreaterThan(0), "accent-insensitive matches are highlighted");
        Assert.That(await search.Locator("ul.hits mark").First.InnerTextAsync(), Does.StartWith("Dév").Or.StartWith("dév").Or.StartWith("Dev").Or.StartWith("dev"));
        await ScreenshotAsync(search, "search");

        var office = await OpenAsync("/offices/ro-dakar?lang=es");
        Assert.That(await office.Locator("h1").InnerTextAsync(), Does.Contain("Dakar"));
        Assert.That(await office.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("es"));
        Assert.That(await office.Locator("main .kind").First.InnerTextAsync(), Is.EqualTo("Oficina regional"));
        await ScreenshotAsync(office, "office");
    }

    [Test]
    public async Task Bad_input_gets_a_friendly_page_with_the_right_status()
    {
        using var http = new HttpClient { BaseAddress = Web };
        foreach (var (path, status) in new[]
                 {
                     ("/units/no-such-unit", HttpStatusCode.NotFound),
                     ("/offices/no-such-office", HttpStatusCode.NotFound),
                     ("/no-such-page", HttpStatusCode.NotFound),
                     ("/ask?asOf=2023-13-45", HttpStatusCode.BadRequest),
                     ("/countries/ZZ", HttpStatusCode.BadRequest),
                     ("/ask?q=" + new string('a', 2500), HttpStatusCode.BadRequest),
                 })
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(status), path);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), path);
            Assert.That(body, Does.Contain("<h1>").And.Not.Contain("   at ").And.Not.Contain("Exception"), path);
        }
    }

    [Test]
    public async Task The_country_picker_leads_to_the_country_page()
    {
        var page = await OpenAsync("/countries?lang=en");
        await page.GetByLabel("Choose your country").SelectOptionAsync("KE");
        var shown = page.WaitForURLAsync("**/countries/KE**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).Last.ClickAsync();
        await shown;
        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.Contain("Kenya"));
        Assert.That(await page.Locator("main").InnerTextAsync(), Does.Contain("Nairobi"));

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Web };
        using var picked = await http.GetAsync("/countries?country=KE&lang=fr");
        Assert.That(picked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the form's answer is the country page's own address");
        Assert.That(picked.Headers.Location?.ToString(), Is.EqualTo("/countries/KE?lang=fr"));
    }

    [Test]
    public async Task A_path_that_looks_like_another_site_gets_no_link_to_it_and_is_not_echoed()
    {
        using var http = new HttpClient { BaseAddress = Web };
        foreach (var path in new[] { "//evil.example/login?lang=fr", "/%5Cevil.example/login", "/\\evil.example/x" })
        {
            using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Web.GetLeftPart(UriPartial.Authority) + path));
            var html = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(html, Does.Not.Contain("evil.example"), path);
            Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "(href|action)=\"([^\"]*)\"").Select(m => m.Groups[2].Value),
                Has.All.Matches<string>(l => l.StartsWith('#') || l.StartsWith("data:", StringComparison.Ordinal) || (l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal))), path);
        }
    }

    [Test]
    public async Task Pages_say_what_they_vary_on_and_that_they_are_private()
    {
        using var http = new HttpClient { BaseAddress = Web };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ask?q=" + Uri.EscapeDataString("¿Quién se ocupa de las transferencias monetarias?"));
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await http.SendAsync(request);
        Assert.That(response.Headers.Vary, Is.EquivalentTo(new[] { "Accept-Language", "Cookie" }).Or.Contains("Accept-Language, Cookie"));
        Assert.That(response.Headers.CacheControl?.Private, Is.True);
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
        Assert.That(response.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "es" }), "the interface followed the question");
        using var missing = await http.GetAsync("/units/no-such-unit?lang=fr");
        Assert.That(missing.Headers.CacheControl?.Private, Is.True, "error pages too");
        Assert.That(missing.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "fr" }));
    }

    [Test]
    public async Task Pages_are_small_compressed_and_the_stylesheet_is_cached()
    {
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = Web };
        using var plain = await http.GetAsync("/ask?lang=en&q=" + Uri.EscapeDataString("Who handles cash-based interventions in Kenya?"));
        var html = await plain.Content.ReadAsStringAsync();
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/static/site\\.[0-9a-f]+\\.css)\"").Groups[1].Value;
        using var stylesheet = await http.GetAsync(css);
        var cssBytes = (await stylesheet.Content.ReadAsByteArrayAsync()).Length;
        Assert.That(html.Length + cssBytes, Is.LessThan(100 * 1024), "page weight of /ask with results, CSS included");
        Assert.That(stylesheet.Headers.CacheControl?.ToString(), Does.Contain("immutable"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/ask?lang=en&q=cash");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var compressed = await http.SendAsync(request);
        Assert.That(compressed.Content.Headers.ContentEncoding, Does.Contain("br"));
    }
}
