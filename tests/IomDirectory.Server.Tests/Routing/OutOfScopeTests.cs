namespace IomDirectory.Server.Tests.Routing;

/// <summary>Questions the directory cannot answer say so (confident = false, the general fallback), and real ones do not.</summary>
[TestFixture]
public sealed class OutOfScopeTests : RoutingFixture
{
    [TestCase("Can you recommend a good restaurant near the office?")]
    [TestCase("What is the capital of Kenya?")]
    [TestCase("What's the weather like in Nairobi today?")]
    [TestCase("Quelle est la meilleure recette de crêpes ?")]
    [TestCase("J'aimerais réserver une table dans un bon restaurant.")]
    [TestCase("¿Dónde puedo comprar entradas para el concierto?")]
    [TestCase("¿Qué hora es en Ginebra ahora?")]
    public void Route_OffTopicQuestion_IsNotConfidentAndSaysNoUnitAnswers(string query)
    {
        var result = Route(query);
        Assert.Multiple(() =>
        {
            Assert.That(result.Confident, Is.False);
            Assert.That(result.Suggestions, Is.Not.Empty);
            Assert.That(result.Suggestions[0].Reasons[0], Does.Contain("No unit clearly answers").Or.Contain("Aucune unité").Or.Contain("Ninguna unidad"));
        });
    }

    [TestCase("Who handles media relations?")]
    [TestCase("Our team in the Republic of Moldova needs advice on the emergency refugee response.")]
    [TestCase("Notre mission au Mali doit renforcer la coordination et la gestion des camps de déplacés.")]
    [TestCase("Somos la misión en Guatemala y necesitamos apoyo en albergues de emergencia tras las inundaciones.")]
    [TestCase("stabilisation communautaire")]
    public void Route_RealQuestion_IsConfident(string query) => Assert.That(Route(query).Confident, Is.True);
}
