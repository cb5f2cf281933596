using System.Text.Json;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// The arrays of records of a one-file interchange document (data/README.md, "One-file interchange format"):
/// one JSON object with a <c>format</c>, an informative <c>as_of</c>, and one array per area. A missing area is
/// empty; an unknown member is an error (a misspelt area would otherwise be silently ignored).
/// </summary>
public static class InterchangeDocument
{
    public const string Format = "iomdirectory/v1";

    /// <summary>The field errors about the document as a whole are reported under.</summary>
    public const string ContentField = "content";

    internal static IEnumerable<AreaSource> Areas(ReadOnlyMemory<byte> content, List<DataError> errors)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(content, DataSetReader.JsonOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            errors.Add(new DataError(ContentField, "-", $"not valid JSON: {ex.Message}"));
            return [];
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DataError(ContentField, "-", "expected one JSON object"));
            return [];
        }

        var areas = new List<AreaSource>();
        foreach (var member in root.EnumerateObject())
        {
            if (member.Name == "format")
            {
                if (member.Value.ValueKind != JsonValueKind.String || member.Value.GetString() != Format)
                    errors.Add(new DataError("format", "-", $"expected \"{Format}\""));
            }
            else if (member.Name == "as_of") { }
            else if (!DataAreas.All.Contains(member.Name))
                errors.Add(new DataError(member.Name, "-", $"unknown member '{member.Name}' (areas: {string.Join(", ", DataAreas.All)})"));
            else if (member.Value.ValueKind != JsonValueKind.Array)
                errors.Add(new DataError(member.Name, "-", $"'{member.Name}' must be an array"));
            else
            {
                var area = member.Name;
                areas.Add(new AreaSource(area, member.Value.EnumerateArray().ToList(), i => $"{area}[{i}]"));
            }
        }
        if (!root.TryGetProperty("format", out _))
            errors.Add(new DataError("format", "-", $"'format' is required: \"{Format}\""));
        // The folder's order, so records are read (and reported) area by area whatever the document's member order.
        return areas.OrderBy(a => DataAreas.Order(a.Area));
    }
}
