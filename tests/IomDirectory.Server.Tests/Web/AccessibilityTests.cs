namespace IomDirectory.Server.Tests.Web;

/// <summary>axe-core on the main public pages, in the three interface languages: nothing serious or critical.</summary>
[TestFixture]
public sealed class AccessibilityTests : BrowserFixture
{
    private static readonly string[] Pages =
    [
        "/", "/ask?q=" + Uri.EscapeDataString("camp coordination in Mali"), "/search?q=protection", "/countries", "/countries/ML",
    ];

    [TestCase("en"), TestCase("fr"), TestCase("es")]
    public async Task The_main_pages_have_no_serious_accessibility_violations(string language)
    {
        foreach (var path in Pages)
        {
            var page = await OpenAsync(path + (path.Contains('?') ? "&" : "?") + "lang=" + language);
            await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, $"{path} ({language})");
            await page.Context.CloseAsync();
        }
    }
}
