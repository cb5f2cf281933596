using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IomDirectory.Server.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IomDirectory.Server.Infrastructure;

/// <summary>Stores a <see cref="LocalizedList"/> as a JSON object <c>{"en":[…],"fr":[…],"es":[…]}</c>.</summary>
/// <remarks>
/// Written and read with the JSON writer and reader directly: every unit and office row holds one, so a seed or
/// a snapshot load converts a hundred thousand of them, and the serializer's reflection path was a third of it.
/// Accented letters are stored as they are, not as \u escapes (which halved the writer's speed and slowed reading);
/// both forms read the same, so databases written before still load.
/// </remarks>
internal sealed class LocalizedListConverter() : ValueConverter<LocalizedList, string>(
    v => Serialize(v),
    v => Deserialize(v))
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Serialize(LocalizedList list) => Encoding.UTF8.GetString(Utf8(list, new ArrayBufferWriter<byte>(256)));

    /// <summary>The stored text as UTF-8, written into <paramref name="buffer"/> (cleared first); the bulk insert binds it as is.</summary>
    internal static ReadOnlySpan<byte> Utf8(LocalizedList list, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartObject();
            Write(writer, "en", list.En);
            Write(writer, "fr", list.Fr);
            Write(writer, "es", list.Es);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan;
    }

    private static void Write(Utf8JsonWriter writer, string language, IReadOnlyList<string> phrases)
    {
        writer.WriteStartArray(language);
        foreach (var phrase in phrases) writer.WriteStringValue(phrase);
        writer.WriteEndArray();
    }

    private static LocalizedList Deserialize(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return LocalizedList.Empty;
        string[] en = [], fr = [], es = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var language = reader.ValueTextEquals("en"u8) ? "en" : reader.ValueTextEquals("fr"u8) ? "fr" : reader.ValueTextEquals("es"u8) ? "es" : null;
            reader.Read();
            var phrases = Phrases(ref reader);
            if (language == "en") en = phrases;
            else if (language == "fr") fr = phrases;
            else if (language == "es") es = phrases;
        }
        return new LocalizedList(en, fr, es);
    }

    private static string[] Phrases(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return [];
        }
        var phrases = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            phrases.Add(reader.GetString()!);
        return [.. phrases];
    }
}

internal sealed class LocalizedListComparer() : ValueComparer<LocalizedList>(
    (a, b) => a == null ? b == null : a.Equals(b),
    v => v.GetHashCode(),
    v => new LocalizedList(v.En.ToArray(), v.Fr.ToArray(), v.Es.ToArray()));
