using IomDirectory.Server.Routing;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>Language detection from function words, accents and lexicon terms; a hint wins.</summary>
[TestFixture]
public sealed class LanguageDetectorTests : RoutingFixture
{
    private string Detect(string text, string hint = "") => Now.Detector.Detect(text, RoutingText.Words(text), hint);

    [TestCase("Who is in charge of the budget for our projects?", "en")]
    [TestCase("Qui est chargé du budget de nos projets ?", "fr")]
    [TestCase("¿Quién se encarga del presupuesto de los proyectos?", "es")]
    [TestCase("Quel bureau couvre le Mali", "fr")]
    [TestCase("Necesitamos apoyo con las elecciones", "es")]
    [TestCase("trésorerie", "fr")]
    [TestCase("reasentamiento", "es")]
    public void Detect_FindsTheQuestionsLanguage(string text, string expected) => Assert.That(Detect(text), Is.EqualTo(expected));

    [Test]
    public void Detect_WithoutEvidence_IsEnglish() => Assert.That(Detect("CBI"), Is.EqualTo("en"));

    [Test]
    public void Detect_HintWinsOverEvidence() => Assert.That(Detect("Qui s'occupe des voyages ?", "es"), Is.EqualTo("es"));
}
