using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// Tree rules hold in every period a write affects, not only at its effective date; and tree walks end even on a
/// tree that is not one (security review #19, finding 2).
/// </summary>
[TestFixture]
public sealed class ScheduledTreeTests
{
    private RunningServer _server = null!;
    private string _editor = "";

    [SetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _editor = _server.Token("erin.editor", Roles.Editor);
    }

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<Unit> Get(string id) => _server.Directory.GetUnitAsync(new GetUnitRequest { Id = id }).ResponseAsync;

    private async Task<Unit> Move(string id, string parent, string? effective = null) =>
        await _server.Admin.MoveUnitAsync(new MoveUnitRequest
        {
            Id = id, ExpectedVersion = (await Get(id)).Version, NewParentUnitId = parent, Write = Api.Because("REORG-2", effective),
        }, RunningServer.Bearer(_editor));

    [Test]
    public async Task MoveUnit_ThatMakesACycleWithAScheduledMove_IsFailedPreconditionNamingTheDate()
    {
        await Move("cbi-unit", "pcca", "2030-01-01");   // scheduled: cbi-unit under pcca from 2030

        var failure = await Api.Failure(() => Move("pcca", "cbi-unit"));   // now: pcca under cbi-unit

        Assert.That(failure.Code, Is.EqualTo(StatusCode.FailedPrecondition));
        Assert.That(failure.Message, Does.Contain("cycle").And.Contain("2030-01-01"));
        var nodes = await Subtree("pcca", "2031-01-01", TimeSpan.FromSeconds(20));
        Assert.That(nodes.Select(n => n.Unit.Id), Does.Contain("cbi-unit"), "the scheduled move stands, the cyclic one was refused");
    }

    [Test]
    public async Task RetireUnit_WithAChildScheduledUnderItLater_IsFailedPrecondition()
    {
        await Move("cbi-unit", "hod", "2030-01-01");   // scheduled: cbi-unit under hod from 2030
        var hod = await Get("hod");

        var failure = await Api.Failure(() => _server.Admin.RetireUnitAsync(new RetireUnitRequest
        {
            Id = "hod", ExpectedVersion = hod.Version, MoveChildrenTo = "dhrr", MoveMailboxesTo = "dhrr", RetireFocalPoints = true,
            Write = Api.Because("REORG-8"),
        }, RunningServer.Bearer(_editor)).ResponseAsync);

        Assert.That(failure.Code, Is.EqualTo(StatusCode.FailedPrecondition));
        Assert.That(failure.Message, Does.Contain("cbi-unit").And.Contain("hod").And.Contain("2030-01-01"));
        Assert.That((await Get("hod")).Id, Is.EqualTo("hod"), "nothing was retired");
    }

    [Test]
    public async Task GetSubtree_OnAStoredCycle_EndsWithEachUnitOnce()
    {
        // A cycle that got into the file by other means (an older server, a hand edit): reads must still end.
        await using (var db = _server.Store.CreateContext())
        {
            var now = DateTime.UtcNow;
            foreach (var (id, parent) in new[] { ("pcca", "cbi-unit"), ("cbi-unit", "pcca") })
            {
                var unit = (await db.Units.Where(u => u.Id == id).ToListAsync()).Single(u => u.IsInForceAt(now));
                unit.ParentId = parent;
            }
            await db.SaveChangesAsync();
        }
        await _server.Services.GetRequiredService<DirectorySnapshotProvider>().ReloadAsync();

        var nodes = await Subtree("pcca", null, TimeSpan.FromSeconds(20));
        var path = await _server.Directory.GetUnitPathAsync(new GetUnitPathRequest { Id = "pcca" },
            new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20)));

        Assert.That(nodes.Select(n => n.Unit.Id), Is.Unique);
        Assert.That(nodes.Select(n => n.Unit.Id), Does.Contain("cbi-unit"));
        Assert.That(path.Path.Select(u => u.Id), Is.Unique);
    }

    private async Task<List<SubtreeNode>> Subtree(string id, string? asOf, TimeSpan deadline)
    {
        var request = new GetSubtreeRequest { Id = id };
        if (asOf is not null) request.AsOf = Api.Date(asOf);
        var nodes = new List<SubtreeNode>();
        await foreach (var node in Api.Stream(() => _server.Directory.GetSubtree(request,
                           new CallOptions(deadline: DateTime.UtcNow + deadline))))
        {
            nodes.Add(node);
            if (nodes.Count > 100_000) Assert.Fail("the subtree does not end");
        }
        return nodes;
    }
}
