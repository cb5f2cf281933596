using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, string> _texts = new(Environment.ProcessorCount, 1 << 14, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(ValueConverter Converter, string Source), object?> _converted = new();

    public string Text(string text) => _texts.GetOrAdd(text, text);

    /// <summary>The kept text equal to <paramref name="text"/>; a string is made only for a text not seen before.</summary>
    public string Text(ReadOnlySpan<char> text)
    {
        if (_texts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var kept)) return kept;
        var made = text.ToString();
        return _texts.GetOrAdd(made, made);
    }

    public object? Converted(ValueConverter converter, string source)
    {
        if (_converted.TryGetValue((converter, source), out var kept)) return kept;
        var value = converter.ConvertFromProvider(source);
        if (value is LocalizedList list)
            value = new LocalizedList(Texts(list.En), Texts(list.Fr), Texts(list.Es));
        return _converted.GetOrAdd((converter, source), value);
    }

    private string[] Texts(IReadOnlyList<string> texts) => [.. texts.Select(Text)];
}
