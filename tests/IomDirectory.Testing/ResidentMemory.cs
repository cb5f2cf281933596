using System.Globalization;

namespace IomDirectory.Testing;

/// <summary>Reads a process's resident memory from /proc (Linux).</summary>
public static class ResidentMemory
{
    public static long Of(int pid) => Read(pid, "VmRSS:");

    /// <summary>The most resident memory the process has had so far (its high-water mark).</summary>
    public static long PeakOf(int pid) => Read(pid, "VmHWM:");

    private static long Read(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"No {field} for process {pid}");
    }
}
