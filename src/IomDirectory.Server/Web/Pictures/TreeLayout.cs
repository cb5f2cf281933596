namespace IomDirectory.Server.Web.Pictures;

/// <summary>A box of an org chart diagram: its name, where it links, a short note ("12 countries") and what is under it.</summary>
public sealed record DiagramNode(string Label, string Href, IReadOnlyList<DiagramNode> Children, string Note = "", string? Lang = null);

/// <summary>
/// A layered tree laid out left to right, one column per level and one row per leaf (a parent centred on its
/// children), so a deep org chart grows downwards, the way a phone scrolls, and never wider than its levels. Names are
/// cut into at most three lines that fit a box (a longer one ends with "…" and keeps its full name as a tooltip); a
/// note ("4 below") takes the line left free.
/// </summary>
public sealed class TreeLayout
{
    public const int BoxWidth = 196;
    public const int BoxHeight = 52;
    public const int LineHeight = 14;
    public const int MaxLines = 3;
    public const int ColumnGap = 26;
    public const int RowGap = 8;
    public const int Margin = 4;
    public const int LineChars = 30;

    public sealed record Box(DiagramNode Node, int X, int Y, int Depth, IReadOnlyList<string> Lines)
    {
        /// <summary>Whether the note is drawn (in the line the name leaves free).</summary>
        public bool Noted => Node.Note.Length > 0 && Lines.Count < MaxLines;

        /// <summary>What the box shows, as one line: its accessible name (which must contain what is seen).</summary>
        public string Shown => string.Join(' ', Lines) + (Noted ? " " + Node.Note : "");
    }

    /// <summary>An elbow from a parent's right edge to a child's left edge, as SVG path data.</summary>
    public sealed record Edge(string Path);

    public IReadOnlyList<Box> Boxes { get; }
    public IReadOnlyList<Edge> Edges { get; }
    public int Width { get; }
    public int Height { get; }

    public TreeLayout(IReadOnlyList<DiagramNode> roots)
    {
        var boxes = new List<Box>();
        var edges = new List<Edge>();
        var row = 0;
        var depthMax = 0;

        int Place(DiagramNode node, int depth)   // returns the box's top
        {
            depthMax = Math.Max(depthMax, depth);
            var x = Margin + depth * (BoxWidth + ColumnGap);
            int y;
            if (node.Children.Count == 0)
            {
                y = Margin + row++ * (BoxHeight + RowGap);
            }
            else
            {
                var tops = node.Children.Select(c => Place(c, depth + 1)).ToList();
                y = (tops[0] + tops[^1]) / 2;
                var fromX = x + BoxWidth;
                var midX = fromX + ColumnGap / 2;
                foreach (var top in tops)
                    edges.Add(new Edge($"M{fromX} {y + BoxHeight / 2}H{midX}V{top + BoxHeight / 2}H{fromX + ColumnGap}"));
            }
            boxes.Add(new Box(node, x, y, depth, Wrap(node.Label)));
            return y;
        }

        foreach (var root in roots) Place(root, 0);
        Boxes = boxes;
        Edges = edges;
        Width = 2 * Margin + (depthMax + 1) * BoxWidth + depthMax * ColumnGap;
        Height = 2 * Margin + Math.Max(row, 1) * (BoxHeight + RowGap) - RowGap;
    }

    /// <summary>The label in at most <see cref="MaxLines"/> lines of <see cref="LineChars"/>, cut at spaces; a longer one ends with "…".</summary>
    public static IReadOnlyList<string> Wrap(string label)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length == 0) line = word;
            else if (line.Length + 1 + word.Length <= LineChars) line += " " + word;
            else
            {
                lines.Add(line);
                line = word;
            }
        }
        if (line.Length > 0) lines.Add(line);
        if (lines.Count <= MaxLines && lines.All(l => l.Length <= LineChars)) return lines;
        var kept = lines.Take(MaxLines - 1).Select(Cut).ToList();
        var rest = string.Join(' ', lines.Skip(MaxLines - 1));
        kept.Add(rest[..Math.Min(rest.Length, LineChars - 1)].TrimEnd() + "…");
        return kept;
    }

    private static string Cut(string line) => line.Length <= LineChars ? line : line[..(LineChars - 1)] + "…";
}
