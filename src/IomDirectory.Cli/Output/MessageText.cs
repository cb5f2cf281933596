using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Output;

/// <summary>Plain text for message fields: dates as YYYY-MM-DD, enums by their short name, texts in every language.</summary>
public static class MessageText
{
    /// <summary>Every set field of a record, as (field name, text), in field order.</summary>
    public static IEnumerable<(string Field, string Text)> Fields(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var text = Field(message, field);
            if (text.Length > 0)
                yield return (field.Name, text);
        }
    }

    public static string Field(IMessage message, FieldDescriptor field)
    {
        var value = field.Accessor.GetValue(message);
        if (field.IsRepeated)
            return string.Join("; ", ((System.Collections.IEnumerable)value).Cast<object>().Select(v => Value(field, v)).Where(t => t.Length > 0));
        return value is null ? "" : Value(field, value);
    }

    public static string Date(Timestamp? timestamp)
    {
        if (timestamp is null)
            return "";
        var instant = timestamp.ToDateTime();
        return instant.TimeOfDay == TimeSpan.Zero
            ? instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : instant.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    public static string Validity(Validity? validity) => validity switch
    {
        null => "",
        { ValidFrom: null, ValidTo: null } => "in force (since before the sources)",
        { ValidTo: null } => $"from {Date(validity.ValidFrom)} (open-ended)",
        { ValidFrom: null } => $"until {Date(validity.ValidTo)}",
        _ => $"from {Date(validity.ValidFrom)} until {Date(validity.ValidTo)}",
    };

    /// <summary>The source document (for an admin's version: the one it was derived from), then who changed it, when and why.</summary>
    public static string Provenance(Provenance? provenance)
    {
        if (provenance is null || provenance.SourceDocument.Length == 0) return "";
        var derived = provenance.DerivedFromDocument.Length > 0;
        var text = derived
            ? Document(provenance.DerivedFromDocument, provenance.DerivedFromTitle, provenance.DerivedFromDate)
            : provenance.ChangedBy.Length > 0 ? "created through the AdminService"
            : Document(provenance.SourceDocument, provenance.SourceTitle, provenance.SourceDate);
        return provenance.ChangedBy.Length > 0
            ? $"{text}; changed by {provenance.ChangedBy} on {Date(provenance.ChangedAt)}: {provenance.ChangeReason}"
            : text;
    }

    /// <summary>"field: old → new", "—" for an absent value.</summary>
    public static string Change(FieldChange change) =>
        $"{change.Field}: {(change.OldValue.Length > 0 ? change.OldValue : "—")} → {(change.NewValue.Length > 0 ? change.NewValue : "—")}";

    private static string Document(string id, string title, string date) =>
        id + (title.Length > 0 ? $" — {title}" : "") + (date.Length > 0 ? $" ({date})" : "");

    public static string Localized(LocalizedText? text) => text is null ? "" : string.Join(" | ",
        new[] { ("en", text.En), ("fr", text.Fr), ("es", text.Es) }.Where(p => p.Item2.Length > 0).Select(p => $"{p.Item1}: {p.Item2}"));

    /// <summary>OFFICE_TYPE_COUNTRY_OFFICE → country_office.</summary>
    public static string EnumName(EnumDescriptor type, int number)
    {
        var name = type.FindValueByNumber(number)?.Name ?? number.ToString(CultureInfo.InvariantCulture);
        var prefix = string.Concat(type.Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant() + "_";
        var shortName = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
        return shortName == "UNSPECIFIED" ? "" : shortName.ToLowerInvariant();
    }

    private static string Value(FieldDescriptor field, object value) => value switch
    {
        Timestamp t => Date(t),
        Validity v => Validity(v),
        Provenance p => Provenance(p),
        LocalizedText l => Localized(l),
        IMessage nested => string.Join(", ", Fields(nested).Select(f => $"{f.Field}: {f.Text}")),
        bool b => b ? "yes" : "",
        string s => s,
        _ when field.FieldType == FieldType.Enum => EnumName(field.EnumType, Convert.ToInt32(value, CultureInfo.InvariantCulture)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) is var s && s != "0" ? s : "",
        _ => value.ToString() ?? "",
    };
}
