using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// A failure after commit (the snapshot reload) does not report a committed write as failed, and the snapshot catches
/// up (security review #19, finding 14). The reload is made to fail through the snapshot provider's Loading hook.
/// </summary>
[TestFixture]
public sealed class ReloadFailureTests
{
    private RunningServer _server = null!;
    private int _failuresLeft;

    [SetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _server.Services.GetRequiredService<DirectorySnapshotProvider>().Loading += _ =>
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                throw new IOException("simulated reload failure");
        };
    }

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<Unit> Get(string id) => _server.Directory.GetUnitAsync(new GetUnitRequest { Id = id }).ResponseAsync;

    private async Task<Unit> Rename(string id, string name) =>
        await _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = (await Get(id)).Version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("TICKET-14"),
        }, RunningServer.Bearer(_server.Token("erin.editor", Roles.Editor)));

    [Test]
    public async Task Write_WhoseReloadFailsOnce_IsReportedCommitted_AndReadsSeeIt()
    {
        var before = await Get("pcca");
        _failuresLeft = 1;

        var written = await Rename("pcca", "Renamed despite a failed reload");

        Assert.That(written.Version, Is.EqualTo(before.Version + 1));
        Assert.That(written.Names.En, Is.EqualTo("Renamed despite a failed reload"));
        Assert.That((await Get("pcca")).Names.En, Is.EqualTo("Renamed despite a failed reload"), "the snapshot caught up");
    }

    [Test]
    public async Task Write_WhoseReloadKeepsFailing_IsStillReportedCommitted_AndTheSnapshotCatchesUpLater()
    {
        var before = await Get("pcca");
        _failuresLeft = 6;   // more than the immediate retries

        var written = await Rename("pcca", "Committed while reloads fail");

        Assert.That(written.Version, Is.EqualTo(before.Version + 1));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Get("pcca")).Names.En != "Committed while reloads fail" && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.That((await Get("pcca")).Names.En, Is.EqualTo("Committed while reloads fail"), "the background retry caught up");
        Assert.That((await Rename("pcca", "next")).Version, Is.EqualTo(before.Version + 2), "writes go on");
    }
}
