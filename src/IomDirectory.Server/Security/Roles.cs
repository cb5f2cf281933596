namespace IomDirectory.Server.Security;

/// <summary>The directory's roles; each includes the ones below it (admin ⊇ editor ⊇ reader).</summary>
public static class Roles
{
    public const string Reader = "directory.reader";
    public const string Editor = "directory.editor";
    public const string Admin = "directory.admin";

    public static readonly string[] All = [Reader, Editor, Admin];

    public static int Rank(string role) => role switch
    {
        Reader => 1,
        Editor => 2,
        Admin => 3,
        _ => 0,
    };
}
