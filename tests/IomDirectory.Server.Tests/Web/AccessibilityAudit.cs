using System.Text.Json;
using IomDirectory.Server.Tests.Support;
using Microsoft.Playwright;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// An automated accessibility audit of an open page with axe-core (installed by scripts/test.sh into
/// tests/browser/node_modules), as a person with a screen reader or a keyboard would meet it. The script is evaluated
/// through the browser's debugging protocol, which the page's CSP does not govern, so the page is audited exactly as
/// served (no CSP bypass that could hide a blocked script).
/// </summary>
public static class AccessibilityAudit
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var file = Path.Combine(RepositoryPaths.Root, "tests", "browser", "node_modules", "axe-core", "axe.min.js");
        Assert.That(File.Exists(file), Is.True, "axe-core is needed: scripts/test.sh installs it (npm ci in tests/browser)");
        return File.ReadAllText(file);
    });

    /// <summary>One violation: its rule, impact, and where (a CSS selector per node).</summary>
    public sealed record Violation(string Rule, string Impact, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Impact} {Rule}: {Help} at {string.Join(", ", Targets.Take(5))}";
    }

    /// <summary>Runs axe-core (WCAG 2.x A/AA and best practices) on the page and returns every violation.</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync("() => { " + Script.Value + "\n}");
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".map(v => ({ rule: v.id, impact: v.impact || 'minor', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })))");
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(v => new Violation(
            v.GetProperty("rule").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)]))];
    }

    /// <summary>Asserts that axe-core finds nothing serious or critical on the page (moderate and minor are reported).</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var violations = await RunAsync(page);
        foreach (var v in violations.Where(v => v.Impact is "moderate" or "minor"))
            TestContext.Out.WriteLine($"axe ({what}): {v}");
        var serious = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.That(serious, Is.Empty, $"axe-core on {what}: " + string.Join("; ", serious));
    }
}
