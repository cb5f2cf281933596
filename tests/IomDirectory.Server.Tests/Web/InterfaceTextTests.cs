using IomDirectory.Server.Seeding;
using IomDirectory.Server.Tests.Support;
using IomDirectory.Server.Web;

namespace IomDirectory.Server.Tests.Web;

public sealed class InterfaceTextTests
{
    [Test]
    public void The_repository_text_has_every_key_in_the_three_languages()
    {
        var text = InterfaceText.Load(RepositoryPaths.Data);
        Assert.That(text.Keys, Has.Count.GreaterThan(100));
        Assert.That(text.Get("country.title", "es", ("country", "Malí")), Is.EqualTo("Quién cubre: Malí"));
    }

    [Test]
    public void A_key_without_a_language_stops_start_up_naming_the_key()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "web"));
        File.WriteAllText(Path.Combine(folder.Path, "web", "interface.json"),
            """{ "text": { "ask.title": { "en": "Who do I contact?", "fr": "Qui contacter ?" } } }""");
        var error = Assert.Throws<DataLoadException>(() => InterfaceText.Load(folder.Path));
        Assert.That(error!.Message, Does.Contain("web/interface.json").And.Contain("ask.title").And.Contain("\"es\""));
    }
}
