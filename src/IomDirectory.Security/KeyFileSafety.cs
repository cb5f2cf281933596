using System.Runtime.InteropServices;

namespace IomDirectory.Security;

/// <summary>
/// Whoever can write the key file can mint any token, and whoever can read it can too. So a key file is trusted
/// only if it is a regular file (not a symbolic link), owned by the user the process runs as, and neither readable
/// nor writable by group or others: with <c>--db</c> in a shared folder such as /tmp, another local user could
/// otherwise plant <c>jwt-signing.key</c> before the first start. Windows is not checked (ACLs, not modes).
/// </summary>
public static partial class KeyFileSafety
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Throws <see cref="SigningKeyException"/> saying what is wrong with the file and how to fix it.</summary>
    public static void Check(string file)
    {
        if (OperatingSystem.IsWindows()) return;
        var info = new FileInfo(file);
        if (info.LinkTarget is not null)
            throw new SigningKeyException($"The signing key file {file} is a symbolic link (to {info.LinkTarget}); refusing it, since whoever " +
                "controls the link controls every token. Replace it with the key file itself (owned by this user, mode 600), or point --Jwt:SigningKeyFile at the real file.");
        var owner = OwnerOf(file);
        var me = geteuid();
        if (owner != me)
            throw new SigningKeyException($"The signing key file {file} is owned by user id {owner}, not by this server's user (id {me}); refusing it, since " +
                "another user could have planted it to mint tokens. Delete it (the server creates a new one) or chown it to this user and chmod 600 it; " +
                "better, keep the database and key in a folder only this user can write (--db).");
        var mode = File.GetUnixFileMode(file);
        if ((mode & GroupOrOthers) != 0)
            throw new SigningKeyException($"The signing key file {file} is readable or writable by group or others (mode {Octal(mode)}); refusing it, since " +
                $"whoever can read it can mint tokens for any role and actor. Fix with: chmod 600 {file} (and mint new tokens: old ones may have been copied).");
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    private static uint OwnerOf(string file)
    {
        // The runtime's own stat (System.Native, shipped with every .NET): FileStatus starts Flags, Mode, Uid, Gid.
        var status = new byte[512];
        if (SystemNativeLStat(file, status) != 0)
            throw new SigningKeyException($"The signing key file {file} cannot be examined ({Marshal.GetLastPInvokeErrorMessage()}).");
        return BitConverter.ToUInt32(status, 8);
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int SystemNativeLStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
}
