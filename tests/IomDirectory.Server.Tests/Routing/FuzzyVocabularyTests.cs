using IomDirectory.Server.Routing;

namespace IomDirectory.Server.Tests.Routing;

public sealed class FuzzyVocabularyTests
{
    private static readonly FuzzyVocabulary Vocabulary = new(["guidance", "emergency", "shelter", "water", "cash", "procurement"]);

    [TestCase("guidnce", "guidance")]
    [TestCase("emergncy", "emergency")]
    [TestCase("emegrency", "emergency")]
    [TestCase("procurment", "procurement")]
    [TestCase("shleter", "shelter")]
    public void Correct_OneOrTwoLettersWrong_ReadsTheVocabularyWord(string typed, string expected) =>
        Assert.That(Vocabulary.Correct(typed), Is.EqualTo(expected));

    [TestCase("weather")]
    [TestCase("restaurant")]
    [TestCase("cashs")]
    public void Correct_FarFromEveryWordOrTooShort_IsNull(string typed) => Assert.That(Vocabulary.Correct(typed), Is.Null);
}
