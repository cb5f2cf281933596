using System.Text.Encodings.Web;
using System.Text.Json;
using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>How attribute values are written in the data/ format, the same way every time (exports are compared byte for byte).</summary>
internal static class InterchangeJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // accented names stay readable, as in data/
    };

    /// <summary>A value as one line of JSON, the way an import preview shows it.</summary>
    public static string Text(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options with { Indented = false })) WriteValue(writer, value);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case Enum member:
                writer.WriteStringValue(SnakeCase(member.ToString()));
                break;
            case LocalizedText text:
                writer.WriteStartObject();
                foreach (var (language, t) in new[] { ("en", text.En), ("fr", text.Fr), ("es", text.Es) }.Where(p => p.Item2.Length > 0))
                    writer.WriteString(language, t);
                writer.WriteEndObject();
                break;
            case LocalizedList list:
                writer.WriteStartObject();
                foreach (var (language, phrases) in new[] { ("en", list.En), ("fr", list.Fr), ("es", list.Es) }.Where(p => p.Item2.Count > 0))
                {
                    writer.WriteStartArray(language);
                    foreach (var phrase in phrases) writer.WriteStringValue(phrase);
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
                break;
            case ContactChannels channels:
                Seeding.ChannelsJson.Write(writer, channels);
                break;
            default:
                throw new ArgumentException($"no data/ form for a {value.GetType().Name}", nameof(value));
        }
    }

    public static void WriteDate(Utf8JsonWriter writer, string name, DateTime? date)
    {
        if (date is { } d) writer.WriteString(name, Seeding.RecordFields.FormatDate(d));
        else writer.WriteNull(name);
    }

    /// <summary>RegionalOffice → regional_office, as data/ spells enum values.</summary>
    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
