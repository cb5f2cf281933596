using System.Text.Json;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>
/// Writes the directory as of an instant as one interchange document: every record in force then, with its
/// attributes at record level and its one in-force version (validity and source), and the sources those versions
/// cite. Records and sources are ordered by id and the formatting is fixed, so the same state gives the same bytes.
/// </summary>
public static class InterchangeWriter
{
    /// <param name="asOfGiven">false: the document says <c>"as_of": null</c>, meaning "the state when it was exported".</param>
    public static byte[] Write(DirectorySnapshot snapshot, DateTime asOf, bool asOfGiven)
    {
        var areas = InterchangeAreas.All.Select(a => (Area: a, Records: a.InForce(snapshot, asOf).ToList())).ToList();
        var sources = areas.SelectMany(a => a.Records).Select(r => r.Source).Distinct().Order(StringComparer.Ordinal)
            .Select(snapshot.Source).OfType<SourceDocument>().ToList();

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, InterchangeJson.Options))
        {
            writer.WriteStartObject();
            writer.WriteString("format", InterchangeDocument.Format);
            InterchangeJson.WriteDate(writer, "as_of", asOfGiven ? asOf : null);
            writer.WriteStartArray(DataAreas.Sources);
            foreach (var source in sources) WriteSource(writer, source);
            writer.WriteEndArray();
            foreach (var (area, records) in areas)
            {
                writer.WriteStartArray(area.Area);
                foreach (var record in records) WriteRecord(writer, area, record);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteSource(Utf8JsonWriter writer, SourceDocument source)
    {
        writer.WriteStartObject();
        writer.WriteString("id", source.Id);
        writer.WriteString("title", source.Title);
        writer.WriteString("language", source.Language);
        InterchangeJson.WriteDate(writer, "date", source.Date);
        writer.WriteString("date_basis", source.DateBasis);
        writer.WriteEndObject();
    }

    private static void WriteRecord(Utf8JsonWriter writer, IInterchangeArea area, VersionedRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("id", record.Id);
        area.WriteAttributes(writer, record);
        writer.WriteStartArray("versions");
        writer.WriteStartObject();
        InterchangeJson.WriteDate(writer, "valid_from", record.ValidFrom);
        InterchangeJson.WriteDate(writer, "valid_to", record.ValidTo);
        writer.WriteString("source", record.Source);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
