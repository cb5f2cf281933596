using System.Security.Cryptography;

namespace IomDirectory.Security;

/// <summary>
/// The HMAC key tokens are signed with: configured, or a local file created on first start (mode 600, in a folder
/// created 700). A key file is used only if it is safe (<see cref="KeyFileSafety"/>); an unsafe, corrupt or short key
/// is a <see cref="SigningKeyException"/> saying how to fix it.
/// </summary>
public static class SigningKey
{
    /// <summary>A configured base64 key, else the key file (created on first use).</summary>
    public static byte[] Resolve(string configuredBase64Key, string keyFile)
    {
        if (configuredBase64Key.Length > 0)
            return Checked(Decode(configuredBase64Key, "the configured signing key (--Jwt:SigningKey)"), "the configured signing key (--Jwt:SigningKey)");
        return File.Exists(keyFile) || new FileInfo(keyFile).LinkTarget is not null ? Read(keyFile) : Create(keyFile);
    }

    public static byte[] Read(string file)
    {
        KeyFileSafety.Check(file);
        string text;
        try
        {
            text = File.ReadAllText(file).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SigningKeyException($"The signing key file {file} cannot be read: {ex.Message}");
        }
        return Checked(Decode(text, file), file);
    }

    private static byte[] Decode(string base64, string where)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new SigningKeyException($"The signing key in {where} is not base64. Replace it with 32 random bytes in base64 " +
                "(for example: head -c 32 /dev/urandom | base64), or delete the key file and the server creates a new one; then mint new tokens.");
        }
    }

    private static byte[] Create(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
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
        key.Length >= 32 ? key : throw new SigningKeyException($"The signing key in {where} is {key.Length} bytes; it must be at least 32. " +
            "Replace it with 32 random bytes in base64 (head -c 32 /dev/urandom | base64), or delete the key file and the server creates a new one; then mint new tokens.");
}
