using IomDirectory.Server.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// Equal values read in one load, kept once: a directory repeats a lot of text (source ids, parent and office ids,
/// "Contact: …" purposes, responsibilities), and the snapshot holds every version of every record for as long as it
/// is current. What a converter builds from a text (phrase lists, enum values) is converted once per text and shared,
/// being immutable; and the phrases of lists that differ are shared one by one.
/// </summary>
internal sealed class LoadPool
{
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<(ValueConverter Converter, string Source), object?> _converted = new();

    public string Text(string text)
    {
        if (_texts.TryGetValue(text, out var kept)) return kept;
        _texts.Add(text);
        return text;
    }

    public object? Converted(ValueConverter converter, string source)
    {
        if (_converted.TryGetValue((converter, source), out var kept)) return kept;
        var value = converter.ConvertFromProvider(source);
        if (value is LocalizedList list)
            value = new LocalizedList(Texts(list.En), Texts(list.Fr), Texts(list.Es));
        _converted.Add((converter, source), value);
        return value;
    }

    private string[] Texts(IReadOnlyList<string> texts) => [.. texts.Select(Text)];
}
