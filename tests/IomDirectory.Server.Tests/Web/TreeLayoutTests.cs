using IomDirectory.Server.Web.Pictures;

namespace IomDirectory.Server.Tests.Web;

/// <summary>The org chart diagram's layout: one column per level, one row per leaf, parents centred, names that fit.</summary>
[TestFixture]
public sealed class TreeLayoutTests
{
    private static DiagramNode Node(string label, params DiagramNode[] children) => new(label, "/" + label, children);

    [Test]
    public void A_parent_stands_in_the_next_column_left_of_its_children_and_centred_on_them()
    {
        var layout = new TreeLayout([Node("root", Node("a"), Node("b", Node("b1"), Node("b2"), Node("b3")))]);
        var at = layout.Boxes.ToDictionary(b => b.Node.Label);
        Assert.That(at["a"].X, Is.EqualTo(at["b"].X));
        Assert.That(at["b1"].X - at["b"].X, Is.EqualTo(TreeLayout.BoxWidth + TreeLayout.ColumnGap));
        Assert.That(at["b"].Y, Is.EqualTo(at["b2"].Y), "centred on its middle child");
        Assert.That(at["root"].Y, Is.EqualTo((at["a"].Y + at["b"].Y) / 2), "centred on its first and last child");
        Assert.That(layout.Boxes.Where(b => b.Depth == 2).Select(b => b.Y), Is.Ordered.And.Unique, "leaves one under another");
        Assert.That(layout.Edges, Has.Count.EqualTo(5), "one line to each child");
        Assert.That(layout.Width, Is.EqualTo(2 * TreeLayout.Margin + 3 * TreeLayout.BoxWidth + 2 * TreeLayout.ColumnGap));
        Assert.That(layout.Boxes.Max(b => b.Y + TreeLayout.BoxHeight), Is.LessThanOrEqualTo(layout.Height));
    }

    [Test]
    public void A_long_name_is_cut_into_lines_that_fit_and_ends_with_an_ellipsis_when_it_does_not()
    {
        Assert.That(TreeLayout.Wrap("Department of External Relations"), Is.EqualTo(new[] { "Department of External", "Relations" }));
        var cut = TreeLayout.Wrap("Prevention of and Response to Sexual Exploitation and Abuse and Sexual Harassment Unit and even more words here");
        Assert.That(cut, Has.Count.EqualTo(TreeLayout.MaxLines));
        Assert.That(cut, Has.All.Length.LessThanOrEqualTo(TreeLayout.LineChars));
        Assert.That(cut[^1], Does.EndWith("…"));
        Assert.That(TreeLayout.Wrap("IOM"), Is.EqualTo(new[] { "IOM" }));
    }

    [Test]
    public void What_a_box_shows_is_its_accessible_name()
    {
        var layout = new TreeLayout([new DiagramNode("Regional Office in Dakar", "/x", [], "23 countries covered")]);
        Assert.That(layout.Boxes[0].Shown, Is.EqualTo("Regional Office in Dakar 23 countries covered"));
    }
}
