using IomDirectory.Server.Tests.Support;
using System.Text.Json;
using IomDirectory.Server.Routing;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>
/// An incremental routing index (<see cref="RoutingIndex.Next"/>) answers exactly as a fresh build of the same view:
/// from the real data set, random writes of every kind, chained, each step compared with a fresh build on the dev-set
/// and held-out questions and on questions made of the words the step wrote or removed, with and without an asker.
/// </summary>
[TestFixture]
public sealed class IncrementalRoutingIndexTests
{
    private const int Steps = 30;

    [Test]
    public void ChainedIncrementalIndex_RoutesAsAFreshBuild_AfterRandomChanges()
    {
        var content = SeedContent.Content;
        var changes = new RandomDirectoryChanges(content, new Random(27));
        var lexicon = LexiconLoader.Load(RepositoryPaths.Data, changes.View.Snapshot);
        var fresh = new RoutingIndexCache(lexicon);
        var index = fresh.For(changes.View);
        var questions = Questions();
        for (var step = 0; step < Steps; step++)
        {
            var (view, changed, asked) = changes.Step();
            index = index.Next(view, changed);
            var expected = fresh.For(view);
            Assert.That(index.DeltaUnits, Is.GreaterThanOrEqualTo(changed.Count(view.Units.ContainsKey)), $"step {step}: the changed units are in the delta");
            var i = 0;
            foreach (var question in questions.Concat(asked))
            {
                var country = (i++ % 3) switch { 0 => null, 1 => "KE", _ => "ML" };
                Assert.That(Answer(index, question, country), Is.EqualTo(Answer(expected, question, country)),
                    $"step {step} (changed {string.Join(", ", changed)}), question: {question}, asker: {country}");
            }
        }
    }

    [Test]
    public void Next_OnAViewWithoutChanges_HoldsNoDelta()
    {
        var content = SeedContent.Content;
        var view = new DirectorySnapshot(content).At(DateTime.UtcNow);
        var index = new RoutingIndexCache(LexiconLoader.Load(RepositoryPaths.Data, view.Snapshot)).For(view);
        Assert.That(index.DeltaUnits, Is.Zero);
        Assert.That(index.Next(new DirectorySnapshot(content with { Generation = 2 }).At(DateTime.UtcNow), new HashSet<string>()).DeltaUnits, Is.Zero);
    }

    private static string Answer(RoutingIndex index, string question, string? country)
    {
        Asker? asker = null;
        if (country is not null && index.View.Snapshot.Countries.Find(country) is { } found
            && index.View.Coverage.GetValueOrDefault(found.Code) is { } coverage && index.View.Offices.GetValueOrDefault(coverage.RegionalOfficeId) is { } office)
            asker = new Asker(found, office);
        return JsonSerializer.Serialize(ContactRouter.Route(index, new RouteRequest(question, "", asker, 0)));
    }

    /// <summary>The questions of the dev sets (when the shared folder is beside the repository) and of the held-out sets.</summary>
    private static List<string> Questions()
    {
        var shared = Path.Combine(RepositoryPaths.Root, "..", "shared", "reference");
        var files = new[] { "routing-dev-set.tsv", "routing-dev-set-2.tsv", "routing-dev-set-3.tsv" }.Select(f => Path.Combine(shared, f))
            .Concat(new[] { "routing-held-out.tsv", "routing-held-out-3.tsv" }.Select(f => Path.Combine(RepositoryPaths.Root, "tests", "IomDirectory.Server.Tests", "Routing", f)))
            .Where(File.Exists);
        return [.. files.SelectMany(f => File.ReadLines(f).Skip(1)).Select(l => l.Split('\t')).Where(f => f.Length > 3).Select(f => f[3])];
    }
}
