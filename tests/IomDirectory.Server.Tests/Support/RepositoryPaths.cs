namespace IomDirectory.Server.Tests.Support;

/// <summary>Finds the repository (for data/ and the server project) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IomDirectory.sln")))
                return dir.FullName;
        throw new InvalidOperationException("IomDirectory.sln not found above " + AppContext.BaseDirectory);
    }
}
