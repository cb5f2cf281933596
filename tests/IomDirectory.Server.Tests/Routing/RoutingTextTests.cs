using IomDirectory.Server.Routing;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>Normalization and stemming: the same word family lands on the same stem in EN/FR/ES, accents optional.</summary>
[TestFixture]
public sealed class RoutingTextTests
{
    [TestCase("Vouchers", "voucher")]
    [TestCase("coordinates", "coordination")]
    [TestCase("coordinación", "coordination")]
    [TestCase("Préparation", "preparation")]
    [TestCase("displaced", "displacement")]
    [TestCase("déplacés", "déplacement")]
    [TestCase("evaluations", "évaluation")]
    [TestCase("security", "sécurité")]
    [TestCase("bureaux", "bureau")]
    [TestCase("emergencies", "emergency")]
    public void Stem_WordsOfOneFamily_AreEqual(string a, string b) =>
        Assert.That(RoutingText.Words(a).Single().Stem, Is.EqualTo(RoutingText.Words(b).Single().Stem));

    [Test]
    public void Words_FoldAccentsAndCase_AndSplitOnPunctuation()
    {
        var words = RoutingText.Words("¿Qué división apoya la estabilización?");
        Assert.That(words.Select(w => w.Folded), Is.EqualTo(new[] { "que", "division", "apoya", "la", "estabilizacion" }));
    }

    [Test]
    public void Words_SplitElisionsAndHyphens()
    {
        var words = RoutingText.Words("l'alerte précoce, cash-based");
        Assert.That(words.Select(w => w.Folded), Is.EqualTo(new[] { "l", "alerte", "precoce", "cash", "based" }));
    }

    [Test]
    public void Words_MarkAllCapitalAcronyms()
    {
        var words = RoutingText.Words("IT support for WASH, it works");
        Assert.That(words.Where(w => w.Capitals).Select(w => w.Folded), Is.EqualTo(new[] { "it", "wash" }));
    }

    [Test]
    public void Stem_ShortWords_AreKept() => Assert.That(RoutingText.Stem("cbi"), Is.EqualTo("cbi"));
}
