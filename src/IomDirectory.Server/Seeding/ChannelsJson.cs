using System.Text.Json;
using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// The data/ form of <see cref="ContactChannels"/>, also how the stores keep it (one JSON column) and how the
/// interchange document writes it:
/// <c>{"emails":[{"value":"…","source":"…"}],"phones":[…],"postal_address":{…},"website":{…},"route":{"via":"dhrr","reason":{"en":"…"},"source":"…"}}</c>,
/// every member optional.
/// </summary>
internal static class ChannelsJson
{
    public static void Write(Utf8JsonWriter writer, ContactChannels channels)
    {
        writer.WriteStartObject();
        if (channels.Emails.Count > 0) Values(writer, "emails", channels.Emails);
        if (channels.Phones.Count > 0) Values(writer, "phones", channels.Phones);
        if (channels.PostalAddress is { } postal) Value(writer, "postal_address", postal);
        if (channels.Website is { } website) Value(writer, "website", website);
        if (channels.Route is { } route)
        {
            writer.WriteStartObject("route");
            writer.WriteString("via", route.Via);
            writer.WriteStartObject("reason");
            foreach (var (language, text) in new[] { ("en", route.Reason.En), ("fr", route.Reason.Fr), ("es", route.Reason.Es) }.Where(p => p.Item2.Length > 0))
                writer.WriteString(language, text);
            writer.WriteEndObject();
            writer.WriteString("source", route.Source);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>Reads the data/ form; a malformed member is reported through <paramref name="error"/> (field path, message) and left out.</summary>
    public static ContactChannels Read(JsonElement element, Action<string, string> error)
    {
        if (element.ValueKind == JsonValueKind.Null) return ContactChannels.None;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error("channels", "'channels' must be an object (emails, phones, postal_address, website, route)");
            return ContactChannels.None;
        }
        foreach (var member in element.EnumerateObject())
            if (member.Name is not ("emails" or "phones" or "postal_address" or "website" or "route"))
                error($"channels.{member.Name}", $"unknown channel '{member.Name}' (emails, phones, postal_address, website, route)");
        var channels = new ContactChannels(
            List(element, "emails", error), List(element, "phones", error),
            One(element, "postal_address", error), One(element, "website", error), Route(element, error));
        return channels.IsEmpty ? ContactChannels.None : channels;
    }

    private static void Values(Utf8JsonWriter writer, string name, IReadOnlyList<ChannelValue> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) Value(writer, null, value);
        writer.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter writer, string? name, ChannelValue value)
    {
        if (name is null) writer.WriteStartObject(); else writer.WriteStartObject(name);
        writer.WriteString("value", value.Value);
        writer.WriteString("source", value.Source);
        writer.WriteEndObject();
    }

    private static ChannelValue[] List(JsonElement channels, string name, Action<string, string> error)
    {
        if (!channels.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array)
        {
            error($"channels.{name}", $"channels.{name} must be a list of {{\"value\", \"source\"}} objects");
            return [];
        }
        var values = new List<ChannelValue>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
            if (Parse(item, $"channels.{name}[{i++}]", error) is { } value) values.Add(value);
        return [.. values];
    }

    private static ChannelValue? One(JsonElement channels, string name, Action<string, string> error) =>
        channels.TryGetProperty(name, out var item) && item.ValueKind != JsonValueKind.Null ? Parse(item, $"channels.{name}", error) : null;

    private static ChannelValue? Parse(JsonElement item, string path, Action<string, string> error)
    {
        var value = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : null;
        var source = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : null;
        if (string.IsNullOrWhiteSpace(value) || string.IsNullOrWhiteSpace(source))
        {
            error(path, $"{path} must be an object with a 'value' and the 'source' it comes from");
            return null;
        }
        return new ChannelValue(value.Trim(), source.Trim());
    }

    private static ContactRoute? Route(JsonElement channels, Action<string, string> error)
    {
        if (!channels.TryGetProperty("route", out var route) || route.ValueKind == JsonValueKind.Null) return null;
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var via = route.ValueKind == JsonValueKind.Object ? Text(route, "via") : null;
        var source = route.ValueKind == JsonValueKind.Object ? Text(route, "source") : null;
        var reason = route.ValueKind == JsonValueKind.Object && route.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.Object
            ? new LocalizedText(Text(r, "en") ?? "", Text(r, "fr") ?? "", Text(r, "es") ?? "") : LocalizedText.Empty;
        if (string.IsNullOrWhiteSpace(via) || string.IsNullOrWhiteSpace(source) || reason.IsEmpty)
        {
            error("channels.route", "channels.route must give 'via' (a unit or office id), a 'reason' ({\"en\": …}) and its 'source'");
            return null;
        }
        return new ContactRoute(via.Trim(), reason, source.Trim());
    }
}
