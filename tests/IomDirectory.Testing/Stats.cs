namespace IomDirectory.Testing;

/// <summary>Percentiles (nearest rank) and medians of measurements.</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values) => Percentile(values.ToList(), 50);

    public static double ToMegabytes(long bytes) => bytes / (1024.0 * 1024.0);
}
