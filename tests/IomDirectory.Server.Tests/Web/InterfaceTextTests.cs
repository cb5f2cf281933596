using System.Text.RegularExpressions;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Tests.Support;
using IomDirectory.Server.Web;
using IomDirectory.Server.Web.Admin;

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

    [Test]
    public void Every_console_text_the_pages_name_is_in_the_repository_text()
    {
        var text = InterfaceText.Load(RepositoryPaths.Data);
        var web = Path.Combine(RepositoryPaths.Root, "src", "IomDirectory.Server", "Web");
        var named = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".razor") || f.EndsWith(".cs"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "T\\(\"(console\\.[a-z0-9_.-]*[a-z0-9])\"").Select(m => m.Groups[1].Value));
        var fields = ConsoleRecordKind.All.SelectMany(k => k.Fields.Concat(k.NewFields)).ToList();
        var labels = fields.Select(f => "console.field." + Regex.Replace(f.Path, "\\.(en|fr|es)$", ""));
        var choices = fields.Where(f => f.Choices is not null).SelectMany(f => f.Choices!.Value.Values.Select(v => f.Choices!.Value.LabelKey + v));
        var kinds = ConsoleRecordKind.All.SelectMany(k => new[] { "console.kind.", "console.new.", "console.edit." }.Select(p => p + k.Kind));
        Assert.That(named.Concat(labels).Concat(choices).Concat(kinds).Distinct().Where(k => !text.Keys.Contains(k)), Is.Empty);
    }
}
