using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using ScottPlot;

namespace IomDirectory.Bench.Support;

/// <summary>Grouped bar charts saved as PNG with ScottPlot (SkiaSharp's bundled native library; no system packages).</summary>
public static class BarChart
{
    /// <summary>One group of bars per category; one bar per series within each group.</summary>
    public static string Save(string path, string title, string yLabel, IReadOnlyList<string> categories,
        IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var width = 0.8 / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = series[s].Values.Select((v, c) => new Bar
            {
                Position = c + (s - (series.Count - 1) / 2.0) * width,
                Value = double.IsFinite(v) ? v : 0,
                Size = width * 0.95,
                FillColor = palette.GetColor(s),
            }).ToList();
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series[s].Name;
        }
        plot.Axes.Bottom.SetTicks(categories.Select((_, i) => (double)i).ToArray(), categories.ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(yLabel);
        if (series.Count > 1) plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 500);
        return path;
    }
}
