using System.Runtime.CompilerServices;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using IomDirectory.Server.Snapshots;

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
        var days = await ScheduleDailyRenamesAsync(server, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), Edits);
        var snapshot = server.Services.GetRequiredService<DirectorySnapshotProvider>().Current;
        var first = WeakViewAt(snapshot, days[0].AddHours(1));

        foreach (var (day, i) in days.Select((d, i) => (d, i)))
        {
            var asOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(day.AddHours(1));
            var unit = await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca", AsOf = asOf });
            Assert.That(unit.Names.En, Is.EqualTo($"Climate division, edit {i}"));
            await server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = "climate", AsOf = asOf });
            await server.Routing.SuggestContactsAsync(new SuggestContactsRequest { Query = "climate change adaptation", AsOf = asOf });
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.That(snapshot.KeptHistoricalViews, Is.LessThanOrEqualTo(ViewLimits.HistoricalViews));
        Assert.That(first.IsAlive, Is.False, "the view of a period swept long ago (and its indexes) is not kept");
    }

    /// <summary>Security review #30, finding 3: a sweep of as-of dates past the build budget is refused at once, not queued.</summary>
    [Test]
    public async Task SweepPastTheBuildBudget_IsRefusedAtOnce_WhileTodayAndHealthAnswer()
    {
        await using var server = await RunningServer.StartAsync("--ReadModel:HistoricalBuildsPerMinute=6");
        var days = await ScheduleDailyRenamesAsync(server, new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc), 12);
        var ok = 0;
        var refused = 0;
        using var http = new HttpClient { BaseAddress = server.WebAddress };
        foreach (var day in days)
        {
            try
            {
                await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca", AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(day.AddHours(1)) });
                ok++;
            }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.ResourceExhausted)
            {
                refused++;
                Assert.That(ex.Status.Detail, Does.Contain("try again"));
            }
            using var page = await http.GetAsync($"/search?q=climate&asOf={day:yyyy-MM-dd}");
            Assert.That(page.StatusCode, Is.AnyOf(System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.ServiceUnavailable));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<h1>"), "a page either way");
        }
        Assert.That(ok, Is.InRange(1, 6), "the budget of the minute was spent, then");
        Assert.That(refused, Is.GreaterThan(0), "the rest refused");
        Assert.That((await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" })).Names.En, Does.Not.StartWith("Climate division, edit"),
            "today's view (before the scheduled edits) needs no build and answers");
        var health = await new Grpc.Health.V1.Health.HealthClient(server.Channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        Assert.That(health.Status, Is.EqualTo(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving));
    }

    /// <summary>One scheduled rename of pcca a day from <paramref name="first"/>: each day is a period of its own.</summary>
    private static async Task<List<DateTime>> ScheduleDailyRenamesAsync(RunningServer server, DateTime first, int count)
    {
        var editor = server.Token("erin.editor", Roles.Editor);
        var days = Enumerable.Range(0, count).Select(i => first.AddDays(i)).ToList();
        foreach (var (day, i) in days.Select((d, i) => (d, i)))
        {
            var version = (await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" })).Version;
            await server.Admin.UpdateUnitAsync(new UpdateUnitRequest
            {
                Id = "pcca", ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = $"Climate division, edit {i}" } },
                UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because($"TICKET-{i}", day.ToString("yyyy-MM-dd")),
            }, RunningServer.Bearer(editor));
        }
        return days;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakViewAt(DirectorySnapshot snapshot, DateTime instant)
    {
        var view = snapshot.At(instant);
        _ = view.Search;
        return new WeakReference(view);
    }
}
