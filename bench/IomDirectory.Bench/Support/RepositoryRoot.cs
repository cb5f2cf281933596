namespace IomDirectory.Bench.Support;

/// <summary>The repository (for data/, the built server and bench/results/), found from the benchmark's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Data => System.IO.Path.Combine(Path, "data");

    public static string Results
    {
        get
        {
            var dir = System.IO.Path.Combine(Path, "bench", "results");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "IomDirectory.sln")))
                return dir.FullName;
        throw new InvalidOperationException("IomDirectory.sln not found above " + AppContext.BaseDirectory);
    }
}
