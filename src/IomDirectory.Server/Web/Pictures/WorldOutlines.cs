using System.Text.Json;
using IomDirectory.Server.Seeding;

namespace IomDirectory.Server.Web.Pictures;

/// <summary>
/// Country outlines for the coverage map (data/geo/countries.json, made from Natural Earth by
/// tools/geo/build-countries.mjs): an SVG path per ISO alpha-2 code, already projected and quantized, and a point for
/// states too small to draw. Read once at start; a missing file leaves the map to its text alternative (a data
/// folder made for a test may have none), a malformed one stops start-up like bad seed data.
/// </summary>
public sealed class WorldOutlines
{
    public const string File = "geo/countries.json";

    private WorldOutlines(int width, int height, IReadOnlyDictionary<string, string> shapes, IReadOnlyDictionary<string, (int X, int Y)> dots)
    {
        Width = width;
        Height = height;
        Shapes = shapes;
        Dots = dots;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>SVG path data by ISO 3166-1 alpha-2 code.</summary>
    public IReadOnlyDictionary<string, string> Shapes { get; }

    /// <summary>Where a state too small for the outlines stands, by code.</summary>
    public IReadOnlyDictionary<string, (int X, int Y)> Dots { get; }

    public bool IsEmpty => Shapes.Count == 0 && Dots.Count == 0;

    public static WorldOutlines Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, File);
        if (!System.IO.File.Exists(path)) return new WorldOutlines(0, 0, new Dictionary<string, string>(), new Dictionary<string, (int, int)>());
        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            var root = document.RootElement;
            var shapes = root.GetProperty("shapes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
            var dots = root.GetProperty("dots").EnumerateObject().ToDictionary(p => p.Name, p => (p.Value[0].GetInt32(), p.Value[1].GetInt32()), StringComparer.OrdinalIgnoreCase);
            if (shapes.Values.Any(d => d.Length == 0 || d[0] != 'M' || d.Any(c => !(char.IsAsciiDigit(c) || c is 'M' or 'l' or 'z' or ' ' or '-'))))
                throw new InvalidOperationException("a shape is not SVG path data of the form M x y l dx dy … z");
            return new WorldOutlines(root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32(), shapes, dots);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new DataLoadException([new DataError(File, "-", "not valid country outlines: " + ex.Message)]);
        }
    }
}
