namespace IomDirectory.Server.Tests.Cli;

/// <summary>The read commands, run as a process against a real server: human output, --json parsed back, exit 0.</summary>
[TestFixture]
public sealed class CliReadCommandTests
{
    private CliServer _cli = null!;

    [OneTimeSetUp]
    public async Task Start() => _cli = await CliServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cli.DisposeAsync();

    [Test]
    public async Task Ask_ListsSuggestionsBestFirst_WithEmailOfficeAndReasons()
    {
        var json = (await _cli.Run("ask", "Who handles climate change adaptation and disaster risk reduction?", "--country", "KE", "--json")).Ok().Json();
        var suggestions = json.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.That(suggestions, Is.Not.Empty);
        var scores = suggestions.Select(s => s.GetProperty("score").GetDouble()).ToList();
        Assert.That(scores, Is.Ordered.Descending, "best first");
        Assert.That(suggestions[0].GetProperty("reasons").GetArrayLength(), Is.GreaterThan(0));

        var human = (await _cli.Run("ask", "Who handles climate change adaptation and disaster risk reduction?", "--country", "KE")).Ok().Stdout;
        Assert.That(human, Does.StartWith("1. ").Or.Contain("\n1. "));
        Assert.That(human, Does.Contain(suggestions[0].GetProperty("displayName").GetString()));
        var email = suggestions.Select(s => s.GetProperty("email").GetString()).FirstOrDefault(e => e!.Length > 0);
        if (email is not null)
            Assert.That(human, Does.Contain(email));
    }

    [Test]
    public async Task Ask_InFrench_AnswersInFrench()
    {
        var json = (await _cli.Run("ask", "Qui contacter pour la réduction des risques de catastrophe ?", "--lang", "fr", "--json")).Ok().Json();
        Assert.That(json.GetProperty("detectedLanguage").GetString(), Is.EqualTo("fr"));
    }

    [Test]
    public async Task Search_FindsTheClimateDivision()
    {
        var human = (await _cli.Run("search", "climate", "--kind", "unit")).Ok().Stdout;
        Assert.That(human, Does.Contain("pcca"));
        var hits = (await _cli.Run("search", "climate", "--json")).Ok().Json().GetProperty("hits").EnumerateArray();
        Assert.That(hits.Select(h => h.GetProperty("id").GetString()), Does.Contain("pcca"));
    }

    [Test]
    public async Task Show_Unit_PrintsAttributesProvenanceAndValidity()
    {
        var human = (await _cli.Run("show", "pcca")).Ok().Stdout;
        Assert.That(human, Does.Contain("Preparedness and Climate Change Action Division"));
        Assert.That(human, Does.Match(@"validity\s+from 2024-10-01"));
        Assert.That(human, Does.Match(@"provenance\s+\S+\.txt"));
        Assert.That(human, Does.Match(@"parent_unit_id\s+dhrr"));

        var json = (await _cli.Run("show", "pcca", "--json")).Ok().Json();
        Assert.That(json.GetProperty("id").GetString(), Is.EqualTo("pcca"));
        Assert.That(json.GetProperty("kind").GetString(), Is.EqualTo("UNIT_KIND_DIVISION"));
        Assert.That(json.GetProperty("provenance").GetProperty("sourceDocument").GetString(), Does.EndWith(".txt"));
    }

    [Test]
    public async Task Show_FallsBackToOfficesMailboxesAndFocalPoints()
    {
        Assert.That((await _cli.Run("show", "ro-nairobi")).Ok().Stdout, Does.Match(@"record\s+office").And.Contain("Nairobi"));
        Assert.That((await _cli.Run("show", "mb-pcca")).Ok().Stdout, Does.Match(@"record\s+mailbox").And.Contain("pcca@iom.int"));
        Assert.That((await _cli.Run("show", "rts-nairobi")).Ok().Stdout, Does.Match(@"record\s+focal point"));
        Assert.That((await _cli.Run("show", "mb-pcca", "--json")).Ok().Json().GetProperty("address").GetString(), Is.EqualTo("pcca@iom.int"));
    }

    [Test]
    public async Task Tree_IndentsChildrenUnderTheirParent()
    {
        var lines = (await _cli.Run("tree", "dhrr")).Ok().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("Department of Humanitarian Response and Recovery").And.EndWith("[dhrr]"));
        Assert.That(lines.Skip(1), Has.Some.Match(@"^  \S.*\[pcca\]$"), "a child is indented by two spaces");

        var nodes = (await _cli.Run("tree", "dhrr", "--json")).Ok().Json().EnumerateArray().ToList();
        Assert.That(nodes[0].GetProperty("unit").GetProperty("id").GetString(), Is.EqualTo("dhrr"));
        Assert.That(nodes.Single(n => n.GetProperty("unit").GetProperty("id").GetString() == "pcca").GetProperty("depth").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Tree_AsOfBeforeTheRestructuring_ShowsTheOldChart()
    {
        var now = (await _cli.Run("tree", "--json")).Ok().Json().EnumerateArray().Select(n => n.GetProperty("unit").GetProperty("id").GetString()).ToHashSet();
        var before = (await _cli.Run("tree", "--as-of", "2023-01-01", "--json")).Ok().Json().EnumerateArray()
            .Select(n => n.GetProperty("unit").GetProperty("id").GetString()).ToHashSet();
        Assert.That(before.SetEquals(now), Is.False, "the 2023 org chart differs from today's");
    }

    [Test]
    public async Task Country_ShowsCoverageAndFocalPoints()
    {
        var human = (await _cli.Run("country", "KE")).Ok().Stdout;
        Assert.That(human, Does.StartWith("Kenya (KE)"));
        Assert.That(human, Does.Contain("[ro-nairobi]"));
        Assert.That(human, Does.Contain("rts-nairobi"));

        var json = (await _cli.Run("country", "Kenya", "--json")).Ok().Json();
        Assert.That(json.GetProperty("regionalOffice").GetProperty("id").GetString(), Is.EqualTo("ro-nairobi"));
        Assert.That(json.GetProperty("focalPoints").EnumerateArray().Select(f => f.GetProperty("id").GetString()), Does.Contain("rts-nairobi"));
    }

    [Test]
    public async Task Offices_FiltersByType()
    {
        var human = (await _cli.Run("offices", "--type", "regional_office")).Ok().Stdout;
        Assert.That(human, Does.Contain("ro-nairobi").And.Contain("6 office(s)."));

        var offices = (await _cli.Run("offices", "--type", "regional_office", "--json")).Ok().Json().GetProperty("offices").EnumerateArray().ToList();
        Assert.That(offices, Has.Count.EqualTo(6));
        Assert.That(offices.Select(o => o.GetProperty("type").GetString()), Is.All.EqualTo("OFFICE_TYPE_REGIONAL_OFFICE"));
        var inKenya = (await _cli.Run("offices", "--country", "KE", "--json")).Ok().Json().GetProperty("offices").EnumerateArray();
        Assert.That(inKenya.Select(o => o.GetProperty("countryCode").GetString()), Is.All.EqualTo("KE"));
    }

    [TestCase("ask")]
    [TestCase("search")]
    [TestCase("show")]
    [TestCase("tree")]
    [TestCase("country")]
    [TestCase("offices")]
    [TestCase("token")]
    [TestCase("import")]
    [TestCase("export")]
    [TestCase("edit", "unit")]
    [TestCase("move", "unit")]
    [TestCase("retire", "unit")]
    [TestCase("audit")]
    [TestCase("watch")]
    public async Task Help_OfEveryCommand_ShowsAnExample(params string[] command)
    {
        var outcome = (await Iomdir.RunAsync([.. command, "--help"])).Ok();
        Assert.That(outcome.Stdout, Does.Contain("Usage:"));
        Assert.That(outcome.Stdout, Does.Match(@"Examples:\n  (iomdir|export IOMDIR_TOKEN=\$\(iomdir) "));
    }
}
