using IomDirectory.Testing;

namespace IomDirectory.Bench;

/// <summary>The repository (for data/, the built server and bench/results/) and the shared reference folder beside it.</summary>
public static class BenchPaths
{
    public static string Root => RepositoryPaths.Root;

    public static string Data => Path.Combine(Root, "data");

    public static string Results
    {
        get
        {
            var dir = Path.Combine(Root, "bench", "results");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static string DevSet => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "routing-dev-set.tsv"));

    public static string DevSet2 => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "routing-dev-set-2.tsv"));

    public static string DevSet3 => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "routing-dev-set-3.tsv"));

    public static string TempDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iomdir-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "directory.db");
    }
}
