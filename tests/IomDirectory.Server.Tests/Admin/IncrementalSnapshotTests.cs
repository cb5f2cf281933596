using System.Text.Json;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// After writes of every kind, the snapshot a server built by applying each change (reading only the records the audit
/// events name) holds exactly what reading the whole store gives: the same records, in the order the snapshot keeps
/// them (by first version, each record's versions together). Runs on the store of the pass.
/// </summary>
[TestFixture]
public sealed class IncrementalSnapshotTests
{
    [Test]
    public async Task SnapshotFollowingChanges_EqualsAWholeReload()
    {
        await using var server = await RunningServer.StartAsync();
        var editor = server.Token("erin.editor", Roles.Editor);
        var pcca = await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" });
        await server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = pcca.Version, Unit = new UnitInput { Name = new LocalizedText { En = "Renamed division" } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("t"),
        }, RunningServer.Bearer(editor));
        await server.Admin.CreateUnitAsync(new CreateUnitRequest
        {
            Id = "incremental-unit", Unit = new UnitInput { Kind = UnitKind.Unit, Name = new LocalizedText { En = "Incremental unit" }, ParentUnitId = "pcca" },
            Write = Api.Because("t"),
        }, RunningServer.Bearer(editor));
        await server.Admin.CreateMailboxAsync(new CreateMailboxRequest
        {
            Id = "incremental-mailbox", Mailbox = new MailboxInput { Address = "incremental@iom.int", OwnerUnitId = "incremental-unit" }, Write = Api.Because("t"),
        }, RunningServer.Bearer(editor));
        var hod = await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "hod" });
        await server.Admin.RetireUnitAsync(new RetireUnitRequest
        {
            Id = "hod", ExpectedVersion = hod.Version, MoveChildrenTo = "dhrr", MoveMailboxesTo = "dhrr", Write = Api.Because("t"),
        }, RunningServer.Bearer(editor));
        var pretoria = await server.Directory.GetOfficeAsync(new GetOfficeRequest { Id = "sro-pretoria" });
        await server.Admin.SetCoverageAsync(new SetCoverageRequest
        {
            OfficeId = "sro-pretoria", CountryCodes = { pretoria.CoveredCountries.Append("SS") }, Write = Api.Because("t"),
        }, RunningServer.Bearer(server.Token("ann.admin", Roles.Admin)));

        var followed = server.Services.GetRequiredService<DirectorySnapshotProvider>().Current;
        await using var db = server.Store.CreateContext();
        var whole = await DirectoryContent.LoadAsync(server.Store, db, 0, CancellationToken.None);

        Assert.That(followed.Sequence, Is.EqualTo(whole.Sequence));
        Assert.Multiple(() =>
        {
            Assert.That(Json(followed.Content.Sources), Is.EqualTo(Json(whole.Sources)));
            Assert.That(Json(followed.Content.Countries), Is.EqualTo(Json(whole.Countries)));
            Assert.That(Json(followed.Content.Offices), Is.EqualTo(Json(whole.Offices)));
            Assert.That(Json(followed.Content.OfficeFunctions), Is.EqualTo(Json(whole.OfficeFunctions)));
            Assert.That(Json(followed.Content.Coverage), Is.EqualTo(Json(whole.Coverage)));
            Assert.That(Json(followed.Content.Units), Is.EqualTo(Json(whole.Units)));
            Assert.That(Json(followed.Content.Mailboxes), Is.EqualTo(Json(whole.Mailboxes)));
            Assert.That(Json(followed.Content.FocalPoints), Is.EqualTo(Json(whole.FocalPoints)));
            Assert.That(Json(followed.Content.Committees), Is.EqualTo(Json(whole.Committees)));
        });
    }

    /// <summary>
    /// The records in order, row ids left out (a snapshot built from the seeded data has none); versioned records
    /// grouped by id in the order of their first version, as <see cref="Temporal{T}"/> keeps them.
    /// </summary>
    private static string Json<T>(IEnumerable<T> records)
    {
        var ordered = records is IEnumerable<Domain.VersionedRecord> versions
            ? versions.GroupBy(v => v.Id, StringComparer.Ordinal).SelectMany(g => g).Cast<T>()
            : records;
        return string.Join("\n", ordered.Select(r =>
            JsonSerializer.Serialize(JsonSerializer.SerializeToElement(r).EnumerateObject().Where(p => p.Name != "RowId").ToDictionary(p => p.Name, p => p.Value))));
    }
}
