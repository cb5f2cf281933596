using System.Globalization;

namespace IomDirectory.Bench.Support;

/// <summary>Reads a process's resident memory from /proc (Linux).</summary>
public static class ResidentMemory
{
    public static long Of(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"No VmRSS for process {pid}");
    }
}
