using System.Globalization;
using System.Text.Json;
using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// The attributes of one record version: the record-level attributes overlaid with the version's own.
/// Reading a malformed attribute records a <see cref="DataError"/> and yields a neutral value, so one pass
/// reports every problem.
/// </summary>
internal sealed class RecordFields(string file, string id, Dictionary<string, JsonElement> values, List<DataError> errors)
{
    public string File => file;
    public string Id => id;

    public string? OptionalString(string name) =>
        values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public string RequiredString(string name)
    {
        var value = OptionalString(name);
        if (string.IsNullOrWhiteSpace(value))
            Error($"'{name}' is required");
        return value ?? "";
    }

    public DateTime? Date(string name)
    {
        var text = OptionalString(name);
        if (text is null) return null;
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        Error($"'{name}' must be a date YYYY-MM-DD, not '{text}'");
        return null;
    }

    public TEnum Enum<TEnum>(string name) where TEnum : struct, System.Enum
    {
        var text = RequiredString(name);
        var normalized = text.Replace("_", "");
        if (System.Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var value) && !int.TryParse(normalized, out _))
            return value;
        if (text.Length > 0)
            Error($"'{name}' has unknown value '{text}'");
        return default;
    }

    public LocalizedText Text(string name)
    {
        if (!values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null) return LocalizedText.Empty;
        if (v.ValueKind == JsonValueKind.String) return new LocalizedText(v.GetString() ?? "", "", "");
        if (v.ValueKind != JsonValueKind.Object)
        {
            Error($"'{name}' must be an object with en/fr/es texts");
            return LocalizedText.Empty;
        }
        return new LocalizedText(Lang(v, "en"), Lang(v, "fr"), Lang(v, "es"));
    }

    public LocalizedList List(string name)
    {
        if (!values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null) return LocalizedList.Empty;
        if (v.ValueKind != JsonValueKind.Object)
        {
            Error($"'{name}' must be an object with en/fr/es lists");
            return LocalizedList.Empty;
        }
        return new LocalizedList(Phrases(v, "en"), Phrases(v, "fr"), Phrases(v, "es"));
    }

    public void Error(string message) => errors.Add(new DataError(file, id, message));

    private static string Lang(JsonElement obj, string language) =>
        obj.TryGetProperty(language, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";

    private string[] Phrases(JsonElement obj, string language)
    {
        if (!obj.TryGetProperty(language, out var list)) return [];
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
        {
            Error($"responsibilities in '{language}' must be a list of strings");
            return [];
        }
        return list.EnumerateArray().Select(p => p.GetString()!).Where(p => p.Length > 0).ToArray();
    }
}
