using System.Reflection;
using NetArchTest.Rules;
using NUnit.Framework;

namespace IomDirectory.Server.Tests.Architecture;

/// <summary>
/// The dependency directions the layout promises (README, "Layout"), checked on the compiled server so that a
/// shortcut across them fails here rather than in a review: the domain knows nothing else; the read-side engines
/// (snapshots, search, routing) know neither the write engine, the features nor the transports; features know no
/// transport; an engine's Internal/ is its own.
/// </summary>
public class LayoutTests
{
    private const string Root = "IomDirectory.Server.";
    private static readonly Assembly Server = typeof(IomDirectory.Server.Domain.MailboxRecord).Assembly;

    // NetArchTest matches a dependency by whole namespace segments: "Web" is not "Webhooks".
    private static readonly string[] Transports = ["Rpc", "Web", "Hosting", "Integrations"];
    private static readonly string[] Everything =
        ["Infrastructure", "Seeding", "Snapshots", "Search", "Text", "Routing", "Changes", "Features", "Webhooks", "Security", .. Transports];

    private static IEnumerable<TestCaseData> Rules()
    {
        yield return Rule("Domain", Everything);
        yield return Rule("Text", Everything);   // words, postings and top-k selection, shared by search and routing
        // data/ is checked with the channel rules every write applies (Features/Admin/Common), and the store maps the
        // feedback feature's entity; neither reads the in-memory directory or its engines.
        yield return Rule("Seeding", ["Snapshots", "Search", "Routing", "Changes", "Webhooks", "Security", .. Transports]);
        yield return Rule("Infrastructure", ["Snapshots", "Search", "Routing", "Changes", "Webhooks", "Security", .. Transports]);
        yield return Rule("Snapshots", ["Changes", "Features", "Webhooks", "Security", .. Transports]);
        yield return Rule("Search", ["Infrastructure", "Seeding", "Routing", "Changes", "Features", "Webhooks", "Security", .. Transports]);
        // Routing reads its lexicon and gazetteer from data/ through Seeding's reader.
        yield return Rule("Routing", ["Infrastructure", "Changes", "Features", "Webhooks", "Security", .. Transports]);
        yield return Rule("Changes", ["Features", "Webhooks", .. Transports]);
        yield return Rule("Features", Transports);
        // A delivery's body is the API's own AuditEvent in JSON, so Webhooks/ uses Rpc/'s mapping and no other transport.
        yield return Rule("Webhooks", ["Web", "Hosting", "Integrations"]);
    }

    private static TestCaseData Rule(string layer, string[] others)
    {
        var forbidden = others.Where(o => o != layer).ToArray();
        return new TestCaseData(layer, forbidden).SetName($"{layer} does not depend on {string.Join(", ", forbidden)}");
    }

    [TestCaseSource(nameof(Rules))]
    public void DependsOnlyDownwards(string layer, string[] forbidden)
    {
        var result = Types.InAssembly(Server).That().ResideInNamespaceMatching($@"^{Regex(Root + layer)}(\.|$)")
            .ShouldNot().HaveDependencyOnAny(forbidden.Select(f => Root + f).ToArray()).GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"{layer} reaches a layer it must not");
    }

    [TestCase("Search"), TestCase("Routing"), TestCase("Rpc"), TestCase("Webhooks")]
    public void InternalIsTheEnginesOwn(string engine)
    {
        var result = Types.InAssembly(Server).That().DoNotResideInNamespaceMatching($@"^{Regex(Root + engine)}(\.|$)")
            .ShouldNot().HaveDependencyOn($"{Root}{engine}.Internal").GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"only {engine}/ may use {engine}/Internal/");
    }

    [Test]
    public void TheRulesSeeTheEngines()
    {
        // A rule over a namespace that no longer exists would pass for nothing.
        var namespaces = Server.GetTypes().Select(t => t.Namespace ?? "").ToHashSet();
        foreach (var layer in new[] { "Domain", "Text", "Snapshots", "Search", "Search.Internal", "Routing", "Routing.Internal", "Changes", "Features.Admin.Common", "Webhooks", "Webhooks.Internal", "Rpc", "Rpc.Internal" })
            Assert.That(namespaces, Does.Contain(Root + layer));
    }

    [TestCase("Rpc", "Features"), TestCase("Web", "Snapshots"), TestCase("Changes", "Snapshots"), TestCase("Rpc", "Rpc.Internal")]
    public void TheCheckerSeesDependenciesThatExist(string layer, string dependency)
    {
        // The other side of the rules above: the same query finds the dependencies the layout allows.
        var result = Types.InAssembly(Server).That().ResideInNamespaceMatching($@"^{Regex(Root + layer)}(\.|$)")
            .ShouldNot().HaveDependencyOn(Root + dependency).GetResult();
        Assert.That(result.IsSuccessful, Is.False, $"{layer} uses {dependency}");
    }

    private static string Regex(string name) => System.Text.RegularExpressions.Regex.Escape(name);
}
