using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>Reads data/countries.csv (iso2,name_en,name_fr,name_es), RFC 4180 quoting.</summary>
internal static class CountryFile
{
    public static List<Country> Read(string path, List<DataError> errors)
    {
        const string file = "countries.csv";
        if (!File.Exists(path))
        {
            errors.Add(new DataError(file, "-", "file is missing"));
            return [];
        }
        var countries = new List<Country>();
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var cells = Split(lines[i]);
            if (cells.Count < 4 || cells[0].Length != 2 || !cells[0].All(char.IsAsciiLetterUpper))
            {
                errors.Add(new DataError(file, $"line {i + 1}", "expected iso2,name_en,name_fr,name_es with an upper-case ISO code"));
                continue;
            }
            countries.Add(new Country { Code = cells[0], Name = new LocalizedText(cells[1], cells[2], cells[3]) });
        }
        return countries;
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
