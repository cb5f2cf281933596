using IomDirectory.Server.Domain;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Seeding;

/// <summary>The dataset in data/, loaded into a real SQLite file and read back, holds the org chart the sources describe.</summary>
[TestFixture]
public sealed class SeedDataTests
{
    private SeededDatabase _db = null!;

    [OneTimeSetUp]
    public async Task Seed() => _db = await SeededDatabase.CreateAsync();

    [OneTimeTearDown]
    public void Cleanup() => _db.Dispose();

    [TestCase(OfficeType.Headquarters, 1)]
    [TestCase(OfficeType.RegionalOffice, 6)]
    [TestCase(OfficeType.SubRegionalOffice, 2)]
    [TestCase(OfficeType.GlobalOffice, 2)]
    [TestCase(OfficeType.Copa, 7)]
    [TestCase(OfficeType.AdministrativeCentre, 2)]
    [TestCase(OfficeType.SpecialLiaisonOffice, 2)]
    public void OfficesNow_ByType_MatchTheNewestSource(OfficeType type, int expected) =>
        Assert.That(_db.Now.Offices.Values.Count(o => o.Type == type), Is.EqualTo(expected));

    [TestCase(OfficeType.RegionalOffice, 9)]
    [TestCase(OfficeType.SubRegionalOffice, 0)]
    [TestCase(OfficeType.Copa, 0)]
    public void OfficesBeforeRestructuring_ByType_MatchTheOlderSource(OfficeType type, int expected) =>
        Assert.That(_db.At("2023-01-01").Offices.Values.Count(o => o.Type == type), Is.EqualTo(expected));

    [Test]
    public void RegionalOfficesNow_AreTheSixOf2024()
    {
        var cities = _db.Now.Offices.Values.Where(o => o.Type == OfficeType.RegionalOffice).Select(o => o.City.En).Order();
        Assert.That(cities, Is.EqualTo(new[] { "Bangkok", "Cairo", "Dakar", "Nairobi", "Panama City", "Vienna" }));
    }

    [Test]
    public void UnitsNow_ByKind_HoldTheHeadquartersStructure()
    {
        var byKind = _db.Now.Units.Values.GroupBy(u => u.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Multiple(() =>
        {
            Assert.That(byKind.GetValueOrDefault(UnitKind.OfficeOfDg), Is.EqualTo(1));
            Assert.That(byKind.GetValueOrDefault(UnitKind.DeputyDgOffice), Is.EqualTo(2));
            Assert.That(byKind.GetValueOrDefault(UnitKind.Department), Is.GreaterThanOrEqualTo(8));
            Assert.That(byKind.GetValueOrDefault(UnitKind.Division), Is.GreaterThanOrEqualTo(20));
            Assert.That(byKind.GetValueOrDefault(UnitKind.Unit), Is.GreaterThanOrEqualTo(30));
            Assert.That(byKind.GetValueOrDefault(UnitKind.Workstream), Is.GreaterThanOrEqualTo(19), "DHRR's areas of work and workstreams");
        });
    }

    [Test]
    public void Dhrr_IsMadeOfThreeDivisionsTheDirectorsOfficeAndTheCbiUnit()
    {
        var children = _db.Now.ChildrenOf("dhrr");
        Assert.Multiple(() =>
        {
            Assert.That(children.Count(u => u.Kind == UnitKind.Division), Is.EqualTo(3));
            Assert.That(children.Select(u => u.Id), Does.Contain("cbi-unit"));
            Assert.That(children.Count, Is.EqualTo(5));
        });
    }

    [TestCase("dhrr@iom.int", "dhrr")]
    [TestCase("pcca@iom.int", "pcca")]
    [TestCase("humanitariancore@iom.int", "hod")]
    [TestCase("PRDCoreGroupHQ@iom.int", "prd")]
    [TestCase("cbisupport@iom.int", "cbi-unit")]
    public void Mailbox_IsOwnedByItsUnit(string address, string owner)
    {
        var mailbox = _db.Now.Mailboxes.Single(m => m.Address == address);
        Assert.That(mailbox.OwnerId, Is.EqualTo(owner));
    }

    [Test]
    public void Mailboxes_AreExactlyTheFiveOfTheNewestSource() =>
        Assert.That(_db.Now.Mailboxes.Select(m => m.Address.ToLowerInvariant()).Order(),
            Is.EqualTo(new[] { "cbisupport@iom.int", "dhrr@iom.int", "humanitariancore@iom.int", "pcca@iom.int", "prdcoregrouphq@iom.int" }));

    [Test]
    public void EveryRegionalOffice_HasADhrrRegionalThematicSpecialist()
    {
        var now = _db.Now;
        foreach (var ro in now.Offices.Values.Where(o => o.Type == OfficeType.RegionalOffice))
        {
            var rts = now.FocalPoints.Where(f => f.OfficeId == ro.Id && f.UnitId == "dhrr").ToList();
            Assert.That(rts, Has.Count.EqualTo(1), ro.Id);
            Assert.That(rts[0].RoleTitle.En, Does.Contain("Regional Thematic Specialist"));
            Assert.That(rts[0].Email, Is.Null.Or.Empty, "no source gives an address");
        }
    }

    [TestCase("SD", null, "Cairo")]
    [TestCase("AR", null, "Panama City")]
    [TestCase("AR", "2023-01-01", "Buenos Aires")]
    [TestCase("BE", "2023-01-01", "Brussels")]
    [TestCase("BE", null, "Vienna")]
    public void Country_IsCoveredByItsRegionalOffice(string country, string? asOf, string city)
    {
        var view = asOf is null ? _db.Now : _db.At(asOf);
        var coverage = view.Coverage[country];
        Assert.That(view.Offices[coverage.RegionalOfficeId].City.En, Is.EqualTo(city));
    }

    [Test]
    public void EveryCountry_IsCoveredNowAndBeforeTheRestructuring()
    {
        var countries = _db.Snapshots.Current.Countries.All.Select(c => c.Code).ToList();
        Assert.That(countries, Has.Count.EqualTo(186));
        Assert.That(countries.Where(c => !_db.Now.Coverage.ContainsKey(c)), Is.Empty);
        Assert.That(countries.Where(c => !_db.At("2023-01-01").Coverage.ContainsKey(c)), Is.Empty);
    }

    [Test]
    public void CbiUnit_MovedFromTheDeputyDirectorGeneralForOperationsIntoDhrr()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_db.Now.Units["cbi-unit"].ParentId, Is.EqualTo("dhrr"));
            Assert.That(_db.At("2023-01-01").Units["cbi-unit"].ParentId, Is.EqualTo("ddg-operations"));
            Assert.That(_db.Snapshots.Current.Units.History("cbi-unit").Select(v => v.Source).Distinct().Count(), Is.EqualTo(2),
                "each placement keeps its own provenance");
        });
    }

    [Test]
    public void EveryVersion_NamesAKnownSource()
    {
        var snapshot = _db.Snapshots.Current;
        var versions = snapshot.Offices.AllVersions.Cast<VersionedRecord>().Concat(snapshot.Units.AllVersions)
            .Concat(snapshot.Mailboxes.AllVersions).Concat(snapshot.FocalPoints.AllVersions).Concat(snapshot.Coverage.AllVersions);
        Assert.That(versions.Where(v => snapshot.Source(v.Source) is null).Select(v => v.Id), Is.Empty);
    }

    [Test]
    public void UnitsNamedOnlyInFrench_HaveAnEnglishNameAndKeepTheFrench()
    {
        var treasury = _db.Now.Units.Values.Single(u => u.Name.Fr.Contains("trésorerie", StringComparison.Ordinal) && u.Kind == UnitKind.Division);
        Assert.That(treasury.Name.En, Does.Contain("Treasury"));
        Assert.That(_db.Now.Units.Values.Where(u => u.Name.En.Length == 0).Select(u => u.Id), Is.Empty);
    }
}
