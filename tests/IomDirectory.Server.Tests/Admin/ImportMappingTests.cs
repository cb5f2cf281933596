using IomDirectory.Server.Features.Admin.Interchange;
using IomDirectory.Server.Rpc;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>The bound on an ImportDirectory answer: long values cut, values left out past the budget, fields kept.</summary>
[TestFixture]
public sealed class ImportMappingTests
{
    private static ImportedChange Update(string id, string old, string @new) =>
        new("unit", id, ImportedChange.Update, ["name"], [new ImportedValue("name", old, @new)]);

    [Test]
    public void Values_PastTheBudget_AreLeftOut_AndCounted_WhileEveryChangeKeepsItsFields()
    {
        var outcome = new ImportOutcome([Update("a", "\"old a\"", "\"new a\""), Update("b", new string('x', 30), "\"new b\""), Update("c", "\"c\"", "\"d\"")], 0);

        var response = ImportMapping.Response(outcome, valueBudget: 30);

        Assert.Multiple(() =>
        {
            Assert.That(response.Changes.Select(c => c.Values.Count), Is.EqualTo(new[] { 1, 0, 0 }), "b would pass the budget; after it, none");
            Assert.That(response.Changes.Select(c => c.Fields.Single()), Is.All.EqualTo("name"));
            Assert.That(response.ChangesWithoutValues, Is.EqualTo(2));
        });
    }

    [Test]
    public void A_long_value_is_cut_and_says_how_long_it_was()
    {
        var cut = ImportMapping.Cut(new string('é', ImportMapping.MaxValueLength + 5));
        Assert.That(cut, Is.EqualTo(new string('é', ImportMapping.MaxValueLength) + $"… [{ImportMapping.MaxValueLength + 5} characters in all]"));
        Assert.That(ImportMapping.Cut("short"), Is.EqualTo("short"));
    }
}
