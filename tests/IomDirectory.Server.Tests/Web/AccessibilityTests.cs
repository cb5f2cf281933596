using Microsoft.Playwright;

namespace IomDirectory.Server.Tests.Web;

/// <summary>axe-core on every main page (the org chart with its diagram, the map, records, history), in the three
/// interface languages, in the light and the dark scheme: nothing serious or critical.</summary>
[TestFixture]
public sealed class AccessibilityTests : BrowserFixture
{
    private static readonly string[] Pages =
    [
        "/", "/ask?q=" + Uri.EscapeDataString("camp coordination in Mali"), "/browse", "/map", "/search?q=protection", "/search?q=shleter",
        "/countries", "/countries/ML", "/units/cbi-unit", "/offices/ro-dakar",
    ];

    [TestCase("en", ColorScheme.Light), TestCase("fr", ColorScheme.Light), TestCase("es", ColorScheme.Light)]
    [TestCase("en", ColorScheme.Dark), TestCase("fr", ColorScheme.Dark), TestCase("es", ColorScheme.Dark)]
    public async Task The_main_pages_have_no_serious_accessibility_violations(string language, ColorScheme scheme)
    {
        foreach (var path in Pages)
        {
            var page = await OpenAsync(path + (path.Contains('?') ? "&" : "?") + "lang=" + language, colorScheme: scheme);
            await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, $"{path} ({language}, {scheme})");
            await page.Context.CloseAsync();
        }
    }
}
