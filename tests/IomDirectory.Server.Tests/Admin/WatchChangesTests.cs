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
        var unit = await _server.Call<GetUnitRequest, Unit>("GetUnit", new GetUnitRequest { Id = id });
        await _server.Admin<UpdateUnitRequest, Unit>("UpdateUnit", new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = unit.Version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("watch test"),
        }, _editor);
    }

    private IAsyncEnumerable<ChangeEvent> Watch(long after, CancellationToken cancellationToken) =>
        _server.Client.ServerStreamingAsync<WatchChangesRequest, ChangeEvent>(Api.AdminMethod("WatchChanges"),
            new WatchChangesRequest { AfterSequence = after }, RunningServer.Bearer(_reader), cancellationToken);

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
            await foreach (var _ in _server.Client.ServerStreamingAsync<WatchChangesRequest, ChangeEvent>(Api.AdminMethod("WatchChanges"), new WatchChangesRequest()))
            {
            }
        });
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
    }
}
