using System.Security.Cryptography;

namespace IomDirectory.Security;

/// <summary>The HMAC key tokens are signed with: configured, or a local file created on first start (mode 600).</summary>
public static class SigningKey
{
    /// <summary>A configured base64 key, else the key file (created on first use).</summary>
    public static byte[] Resolve(string configuredBase64Key, string keyFile)
    {
        if (configuredBase64Key.Length > 0)
            return Checked(Convert.FromBase64String(configuredBase64Key), "the configured signing key");
        return File.Exists(keyFile) ? Read(keyFile) : Create(keyFile);
    }

    public static byte[] Read(string file) => Checked(Convert.FromBase64String(File.ReadAllText(file).Trim()), file);

    private static byte[] Create(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(file, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(key));
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            return Read(file);   // another process created it first
        }
    }

    private static byte[] Checked(byte[] key, string where) =>
        key.Length >= 32 ? key : throw new InvalidOperationException($"The signing key in {where} must be at least 32 bytes.");
}
