using System.Runtime.CompilerServices;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.ReadModel;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Tests.Caching;

/// <summary>
/// A sweep of <c>as_of</c> instants does not leave a view, search index and routing index behind per period
/// (security review #19, finding 3): today's view is kept, a few recent others, the rest go once answered.
/// </summary>
[TestFixture]
public sealed class HistoricalViewTests
{
    private const int Edits = 30;

    [Test]
    public async Task SweepOfAsOfInstants_KeepsOnlyABoundedNumberOfViews_AndAnswersEachPeriodRight()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = server.Token("erin.editor", Roles.Editor);
        var days = Enumerable.Range(0, Edits).Select(i => new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i)).ToList();
        foreach (var (day, i) in days.Select((d, i) => (d, i)))
        {
            var version = (await server.Call<GetUnitRequest, Unit>("GetUnit", new GetUnitRequest { Id = "pcca" })).Version;
            await server.Admin<UpdateUnitRequest, Unit>("UpdateUnit", new UpdateUnitRequest
            {
                Id = "pcca", ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = $"Climate division, edit {i}" } },
                UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because($"TICKET-{i}", day.ToString("yyyy-MM-dd")),
            }, editor);
        }
        var snapshot = server.Services.GetRequiredService<DirectorySnapshotProvider>().Current;
        var first = WeakViewAt(snapshot, days[0].AddHours(1));

        foreach (var (day, i) in days.Select((d, i) => (d, i)))
        {
            var asOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(day.AddHours(1));
            var unit = await server.Call<GetUnitRequest, Unit>("GetUnit", new GetUnitRequest { Id = "pcca", AsOf = asOf });
            Assert.That(unit.Names.En, Is.EqualTo($"Climate division, edit {i}"));
            await server.Call<SearchDirectoryRequest, SearchDirectoryResponse>("SearchDirectory", new SearchDirectoryRequest { Query = "climate", AsOf = asOf });
            await server.Client.UnaryAsync<SuggestContactsRequest, SuggestContactsResponse>(
                RoutingReflection.Descriptor.Services.Single(s => s.Name == "RoutingService").FindMethodByName("SuggestContacts"),
                new SuggestContactsRequest { Query = "climate change adaptation", AsOf = asOf });
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.That(snapshot.KeptHistoricalViews, Is.LessThanOrEqualTo(ViewLimits.HistoricalViews));
        Assert.That(first.IsAlive, Is.False, "the view of a period swept long ago (and its indexes) is not kept");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakViewAt(DirectorySnapshot snapshot, DateTime instant)
    {
        var view = snapshot.At(instant);
        _ = view.Search;
        return new WeakReference(view);
    }
}
