using System.Text.Json;
using System.Text.Json.Serialization;

namespace IomDirectory.Cli.SignIn;

/// <summary>
/// What <c>iomdir login</c> keeps: the provider, the access token and its refresh token, in
/// <c>~/.config/iomdir/sign-in.json</c> (<c>$XDG_CONFIG_HOME</c> honoured), mode 600 in a folder of mode 700, written
/// whole then moved into place. Anyone who can read it acts as the person until the refresh token is revoked.
/// </summary>
public sealed record StoredSignIn(
    [property: JsonPropertyName("authority")] string Authority,
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("tokenEndpoint")] string TokenEndpoint,
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("refreshToken")] string? RefreshToken,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("name")] string Name)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string DefaultPath()
    {
        var config = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(config))
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "iomdir", "sign-in.json");
    }

    /// <summary>The stored sign-in, or null when there is none; a file others can read is refused (and says how to fix it).</summary>
    public static StoredSignIn? Load(string path)
    {
        if (!File.Exists(path)) return null;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0)
            throw new CliFailure(ExitCodes.Unauthorized, $"{path} is readable by others; refusing it (anyone who read it can act as you). " +
                                                         "Run 'iomdir logout', then 'iomdir login' again.");
        try
        {
            return JsonSerializer.Deserialize<StoredSignIn>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            throw new CliFailure(ExitCodes.Failed, $"{path} is not a sign-in iomdir wrote; run 'iomdir logout', then 'iomdir login'.");
        }
    }

    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(temporary, options))
            JsonSerializer.Serialize(stream, this);
        File.Move(temporary, path, overwrite: true);
    }
}
