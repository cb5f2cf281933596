using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace IomDirectory.Server.Tests.Admin;

[TestFixture]
public sealed class WatchChangesTests
{
    private RunningServer _server = null!;
    private string _editor = "";
    private string _reader = "";

    [SetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _editor = _server.Token("erin.editor", Roles.Editor);
        _reader = _server.Token("watcher", Roles.Reader);
    }

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private async Task Rename(string id, string name)
    {
        var unit = await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = id });
        await _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = unit.Version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("watch test"),
        }, RunningServer.Bearer(_editor));
    }

    private IAsyncEnumerable<ChangeEvent> Watch(long after, CancellationToken cancellationToken) =>
        Api.Stream(() => _server.Admin.WatchChanges(new WatchChangesRequest { AfterSequence = after }, RunningServer.Bearer(_reader).WithCancellationToken(cancellationToken)), cancellationToken);

    [Test]
    public async Task Watcher_ThatReconnectsWithItsLastSequence_MissesNothingAndSeesNothingTwice()
    {
        var seen = new List<ChangeEvent>();
        using (var firstConnection = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await Rename("pcca", "one");
            await Rename("hod", "two");
            try
            {
                await foreach (var change in Watch(0, firstConnection.Token))
                {
                    seen.Add(change);
                    if (seen.Count == 1)
                        await Rename("prd", "three");     // arrives live, while connected
                    if (seen.Count == 3)
                        break;                            // disconnect
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
            {
            }
        }

        await Rename("cbi-unit", "four");                 // committed while nobody watches
        await Rename("dhrr", "five");

        using var secondConnection = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var change in Watch(seen[^1].Sequence, secondConnection.Token))
        {
            seen.Add(change);
            if (seen.Count == 5) break;
        }

        Assert.That(seen.Select(c => c.Event.EntityId), Is.EqualTo(new[] { "pcca", "hod", "prd", "cbi-unit", "dhrr" }));
        var sequences = seen.Select(c => c.Sequence).ToList();
        Assert.That(sequences, Is.Ordered.Ascending);
        Assert.That(sequences.Distinct().Count(), Is.EqualTo(5));
        Assert.That(sequences[^1] - sequences[0], Is.EqualTo(4), "strictly increasing without gaps");
    }

    [Test]
    public async Task WatchChanges_WithoutAToken_IsUnauthenticated()
    {
        var failure = await Api.Failure(async () =>
        {
            await foreach (var _ in Api.Stream(() => _server.Admin.WatchChanges(new WatchChangesRequest())))
            {
            }
        });
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
    }

    private async Task<ChangeEvent> FirstChange(string token)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var change in Api.Stream(() => _server.Admin.WatchChanges(new WatchChangesRequest(), RunningServer.Bearer(token).WithCancellationToken(timeout.Token)), timeout.Token))
                return change;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
        }
        throw new AssertionException("no change was delivered");
    }

    [Test]
    public async Task Reader_GetsChangeNotices_WithoutActorReasonOrContent()
    {
        await Rename("pcca", "Renamed for the watch");

        var notice = (await FirstChange(_reader)).Event;

        Assert.Multiple(() =>
        {
            Assert.That(notice.EntityId, Is.EqualTo("pcca"));
            Assert.That(notice.Operation, Is.EqualTo("unit.update"));
            Assert.That(notice.Sequence, Is.GreaterThan(0));
            Assert.That(notice.Actor, Is.Empty, "who changed it is the audit trail's (editor)");
            Assert.That(notice.ActorRole, Is.Empty);
            Assert.That(notice.Reason, Is.Empty);
            Assert.That(notice.BeforeJson, Is.Empty);
            Assert.That(notice.AfterJson, Is.Empty);
        });
    }

    [Test]
    public async Task Editor_GetsTheFullEvent()
    {
        await Rename("pcca", "Renamed for the watch");

        var change = (await FirstChange(_editor)).Event;

        Assert.That(change.Actor, Is.EqualTo("erin.editor"));
        Assert.That(change.Reason, Is.EqualTo("watch test"));
        Assert.That(change.AfterJson, Does.Contain("Renamed for the watch"));
    }

    [Test]
    public async Task Watch_EndsUnauthenticated_WhenTheTokenExpires()
    {
        await Rename("pcca", "before expiry");
        var shortLived = _server.Token("watcher", Roles.Reader, TimeSpan.FromSeconds(3));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = 0;
        var failure = await Api.Failure(async () =>
        {
            await foreach (var _ in Api.Stream(() => _server.Admin.WatchChanges(new WatchChangesRequest(), RunningServer.Bearer(shortLived).WithCancellationToken(timeout.Token)), timeout.Token))
                received++;
        });
        Assert.That(received, Is.GreaterThan(0), "the backlog was delivered while the token was valid");
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated), failure.Message);
        Assert.That(failure.Message, Does.Contain("expired").And.Contain("after_sequence"));
        Assert.That(timeout.IsCancellationRequested, Is.False, "the server ended the stream, not the test's timeout");
    }
}
