using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Seeding;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IomDirectory.Server.Infrastructure;

/// <summary>Stores <see cref="ContactChannels"/> as its data/ JSON (<see cref="ChannelsJson"/>); no channels is <c>{}</c>.</summary>
internal sealed class ContactChannelsConverter() : ValueConverter<ContactChannels, string>(
    v => Serialize(v),
    v => Deserialize(v))
{
    private const string Empty = "{}";
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Serialize(ContactChannels channels)
    {
        if (channels.IsEmpty) return Empty;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Writing))
            ChannelsJson.Write(writer, channels);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ContactChannels Deserialize(string json)
    {
        if (json.Length <= 2) return ContactChannels.None;   // "" or "{}": most rows
        using var document = JsonDocument.Parse(json);
        return ChannelsJson.Read(document.RootElement, static (_, _) => { });
    }
}

internal sealed class ContactChannelsComparer() : ValueComparer<ContactChannels>(
    (a, b) => a == null ? b == null : a.Equals(b),
    v => v.GetHashCode(),
    v => v);
