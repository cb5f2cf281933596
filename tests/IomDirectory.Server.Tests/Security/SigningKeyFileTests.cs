using System.Diagnostics;
using IomDirectory.Security;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Security;

/// <summary>
/// The local signing key file is trusted only when it is safe, and the files beside it are private (security
/// review #19, finding 7). Tests run as root, so "owned by another user" cannot be staged here; mode, symbolic link,
/// corrupt and short keys can.
/// </summary>
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SigningKeyFileTests
{
    private static readonly string GoodKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray());
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private string KeyFile(string content, UnixFileMode mode)
    {
        var file = _folder.File("planted.key");
        File.WriteAllText(file, content);
        File.SetUnixFileMode(file, mode);
        return file;
    }

    private static async Task<SigningKeyException> StartFails(string keyFile)
    {
        try
        {
            await using var server = await RunningServer.StartAsync("--Jwt:SigningKeyFile", keyFile);
        }
        catch (SigningKeyException ex)
        {
            return ex;
        }
        throw new AssertionException("the server started with an unusable signing key file");
    }

    [Test]
    public async Task KeyFile_ReadableByOthers_IsRefusedAtStartUpSayingHowToFixIt()
    {
        var file = KeyFile(GoodKey, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var failure = await StartFails(file);
        Assert.That(failure.Message, Does.Contain(file).And.Contain("644").And.Contain("chmod 600"));
    }

    [Test]
    public async Task KeyFile_WritableByGroup_IsRefused()
    {
        var file = KeyFile(GoodKey, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite);
        Assert.That((await StartFails(file)).Message, Does.Contain("chmod 600"));
    }

    [Test]
    public async Task KeyFile_ThatIsASymbolicLink_IsRefused()
    {
        var target = KeyFile(GoodKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = _folder.File("link.key");
        File.CreateSymbolicLink(link, target);
        Assert.That((await StartFails(link)).Message, Does.Contain("symbolic link"));
    }

    [Test]
    public async Task KeyFile_PlantedBesideADatabaseInASharedFolder_IsRefused()
    {
        // The README's `--db /tmp/iomdir.db`: someone created /tmp/jwt-signing.key first, world-readable.
        KeyFile(GoodKey, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        File.Move(_folder.File("planted.key"), _folder.File(LocalDefaults.KeyFileName));
        try
        {
            await using var server = await RunningServer.StartAsync("--db", _folder.File("iomdir.db"));
            Assert.Fail("the server trusted a planted key");
        }
        catch (SigningKeyException ex)
        {
            Assert.That(ex.Message, Does.Contain(LocalDefaults.KeyFileName));
        }
    }

    [TestCase("this is not base64 at all!", "not base64")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAA==", "at least 32")]
    public async Task KeyFile_CorruptOrShort_IsACleanStartUpError(string content, string expected)
    {
        var file = KeyFile(content, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.That((await StartFails(file)).Message, Does.Contain(expected));
    }

    [Test]
    public async Task Executable_WithACorruptKey_ExitsWithTheMessageAndNoStackTrace()
    {
        var file = KeyFile("%%%", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { ServerProcess.ServerAssembly(), "--db", _folder.File("d.db"), "--data", RepositoryPaths.Data,
                     "--urls", "http://127.0.0.1:0", "--Jwt:SigningKeyFile", file })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.EqualTo(1));
        Assert.That(await stderr, Does.Contain("not base64"));
        Assert.That(await stderr + await stdout, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task FirstStart_InANewFolder_CreatesItPrivateWithPrivateFiles()
    {
        var folder = _folder.File("new-data");
        var database = Path.Combine(folder, "directory.db");
        await using (var server = await RunningServer.StartAsync("--db", database))
        {
            Assert.Multiple(() =>
            {
                Assert.That(File.GetUnixFileMode(folder) & (UnixFileMode)0x1FF, Is.EqualTo((UnixFileMode)0x1C0), "folder 700");
                Assert.That(File.GetUnixFileMode(database) & (UnixFileMode)0x1FF, Is.EqualTo((UnixFileMode)0x180), "database 600");
                Assert.That(File.GetUnixFileMode(database + "-wal") & (UnixFileMode)0x3F, Is.EqualTo((UnixFileMode)0), "WAL not open to group or others");
                Assert.That(File.GetUnixFileMode(Path.Combine(folder, LocalDefaults.KeyFileName)) & (UnixFileMode)0x1FF, Is.EqualTo((UnixFileMode)0x180), "key 600");
            });
        }
    }
}
