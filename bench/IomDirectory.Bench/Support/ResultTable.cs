using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using System.Globalization;
using System.Text;

namespace IomDirectory.Bench.Support;

/// <summary>A table of results: printed aligned to stdout and saved as CSV under bench/results/.</summary>
public sealed class ResultTable(params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Columns { get; } = columns;

    public void Add(params object[] cells) =>
        _rows.Add(cells.Select(c => c switch
        {
            double d => d.ToString(Math.Abs(d) >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString() ?? "",
        }).ToArray());

    public void Print(TextWriter output)
    {
        var widths = Columns.Select((c, i) => Math.Max(c.Length, _rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(Line(Columns.ToArray(), widths));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) output.WriteLine(Line(row, widths));
    }

    public string SaveCsv(string path)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Columns.Select(Quote)));
        foreach (var row in _rows) csv.AppendLine(string.Join(',', row.Select(Quote)));
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
