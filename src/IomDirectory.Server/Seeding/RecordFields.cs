using System.Globalization;
using System.Text.Json;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// The attributes of one record version: the record-level attributes overlaid with the version's own.
/// Reading a malformed attribute records a <see cref="DataError"/> and yields a neutral value, so one pass
/// reports every problem. Texts come back through the reader's <see cref="LoadPool"/>: a data set repeats
/// sources, parents, offices and phrases, and the first snapshot is built from these very records.
/// </summary>
internal sealed class RecordFields(string file, string id, JsonElement record, JsonElement? version, List<DataError> errors, LoadPool pool)
{
    public string File => file;
    public string Id => id;

    public string? OptionalString(string name) =>
        TryGet(name, out var v) && v.ValueKind == JsonValueKind.String ? pool.Text(v) : null;

    public string RequiredString(string name)
    {
        var value = OptionalString(name);
        if (string.IsNullOrWhiteSpace(value))
            Error(name, $"'{name}' is required");
        return value ?? "";
    }

    /// <summary>A date YYYY-MM-DD (UTC midnight), or a UTC instant YYYY-MM-DDTHH:MM:SS[.fffffff]Z for a change made at a time of day.</summary>
    public DateTime? Date(string name)
    {
        var text = OptionalString(name);
        if (text is null) return null;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        Error(name, $"'{name}' must be a date YYYY-MM-DD (or a UTC instant YYYY-MM-DDTHH:MM:SSZ), not '{text}'");
        return null;
    }

    /// <summary>How dates are written: the day alone when it is a midnight, else the exact instant (lossless).</summary>
    public static string FormatDate(DateTime date) =>
        date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    public TEnum Enum<TEnum>(string name) where TEnum : struct, System.Enum
    {
        var text = RequiredString(name);
        var normalized = text.Replace("_", "");
        if (System.Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var value) && !int.TryParse(normalized, out _))
            return value;
        if (text.Length > 0)
            Error(name, $"'{name}' has unknown value '{text}'");
        return default;
    }

    public LocalizedText Text(string name)
    {
        if (!TryGet(name, out var v) || v.ValueKind == JsonValueKind.Null) return LocalizedText.Empty;
        if (v.ValueKind == JsonValueKind.String) return new LocalizedText(pool.Text(v), "", "");
        if (v.ValueKind != JsonValueKind.Object)
        {
            Error(name, $"'{name}' must be an object with en/fr/es texts");
            return LocalizedText.Empty;
        }
        return new LocalizedText(Lang(v, "en"), Lang(v, "fr"), Lang(v, "es"));
    }

    public LocalizedList List(string name)
    {
        if (!TryGet(name, out var v) || v.ValueKind == JsonValueKind.Null) return LocalizedList.Empty;
        if (v.ValueKind != JsonValueKind.Object)
        {
            Error(name, $"'{name}' must be an object with en/fr/es lists");
            return LocalizedList.Empty;
        }
        return new LocalizedList(Phrases(v, name, "en"), Phrases(v, name, "fr"), Phrases(v, name, "es"));
    }

    /// <summary>The record's contact channels (<see cref="ChannelsJson"/>); none when absent.</summary>
    public ContactChannels Channels() =>
        TryGet("channels", out var v) ? ChannelsJson.Read(v, Error) : ContactChannels.None;

    public void Error(string field, string message) => errors.Add(new DataError(file, id, message, field));

    /// <summary>The version's attribute if it has one, else the record's (its id and versions are not attributes).</summary>
    private bool TryGet(string name, out JsonElement value)
    {
        if (version is { } own && own.TryGetProperty(name, out value)) return true;
        if (name is not ("id" or "versions")) return record.TryGetProperty(name, out value);
        value = default;
        return false;
    }

    private string Lang(JsonElement obj, string language) =>
        obj.TryGetProperty(language, out var t) && t.ValueKind == JsonValueKind.String ? pool.Text(t) : "";

    private string[] Phrases(JsonElement obj, string name, string language)
    {
        if (!obj.TryGetProperty(language, out var list)) return [];
        var count = 0;
        if (list.ValueKind == JsonValueKind.Array)
            foreach (var phrase in list.EnumerateArray())
            {
                if (phrase.ValueKind != JsonValueKind.String)
                {
                    count = -1;
                    break;
                }
                count++;
            }
        if (count < 0 || list.ValueKind != JsonValueKind.Array)
        {
            Error($"{name}.{language}", $"{name} in '{language}' must be a list of strings");
            return [];
        }
        var phrases = new List<string>(count);
        foreach (var phrase in list.EnumerateArray())
            if (pool.Text(phrase) is { Length: > 0 } text)
                phrases.Add(text);
        return [.. phrases];
    }
}
