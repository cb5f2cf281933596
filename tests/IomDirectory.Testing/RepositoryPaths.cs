namespace IomDirectory.Testing;

/// <summary>Finds the repository (for data/, the built server and bench/results/) from the current or the program's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "IomDirectory.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("IomDirectory.sln not found above the current or the program's folder.");
    }
}
