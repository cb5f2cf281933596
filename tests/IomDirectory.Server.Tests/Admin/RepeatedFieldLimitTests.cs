using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// A small request of many values gets one error naming the field and its limit, not one error per value; and no
/// answer lists more than a bounded number of errors (security review #19, finding 5).
/// </summary>
[TestFixture]
public sealed class RepeatedFieldLimitTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task SearchDirectory_WithTensOfThousandsOfKinds_IsOneErrorNamingTheLimit()
    {
        var request = new SearchDirectoryRequest { Query = "climate" };
        request.Kinds.AddRange(Enumerable.Repeat("x", 20_000));
        var failure = await Api.Failure(() => _server.Directory.SearchDirectoryAsync(request).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { "kinds" }));
        Assert.That(failure.Message, Does.Contain("20000 values").And.Contain("at most 16"));
    }

    [Test]
    public async Task SearchDirectory_WithAFewBadKinds_StillNamesEachOne()
    {
        var request = new SearchDirectoryRequest { Query = "climate", Kinds = { "unit", "planet" } };
        var failure = await Api.Failure(() => _server.Directory.SearchDirectoryAsync(request).ResponseAsync);
        Assert.That(failure.Message, Does.Contain("'planet'"));
    }

    [Test]
    public async Task SetCoverage_WithThousandsOfCountries_IsOneErrorNamingTheLimit()
    {
        var request = new SetCoverageRequest { OfficeId = "ro-bangkok", Write = Api.Because("T-5") };
        request.CountryCodes.AddRange(Enumerable.Repeat("QQ", 5000));
        var failure = await Api.Failure(() => _server.Admin.SetCoverageAsync(request, RunningServer.Bearer(_server.Token("ada.admin", Roles.Admin))).ResponseAsync);
        Assert.That(failure.Fields, Is.EqualTo(new[] { "country_codes" }));
        Assert.That(failure.Message, Does.Contain("at most 300"));
    }

    [Test]
    public async Task SetCoverage_WithManyBadCountriesUnderTheLimit_ReportsABoundedNumberOfErrors()
    {
        var request = new SetCoverageRequest { OfficeId = "ro-bangkok", Write = Api.Because("T-5") };
        request.CountryCodes.AddRange(Enumerable.Range(0, 250).Select(i => $"Q{i}"));
        var failure = await Api.Failure(() => _server.Admin.SetCoverageAsync(request, RunningServer.Bearer(_server.Token("ada.admin", Roles.Admin))).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Has.Count.LessThanOrEqualTo(51));
        Assert.That(failure.Message, Does.Contain("more (51 in all)"), "the message says more problems were found");
    }

    [Test]
    public async Task UpdateUnit_WithThousandsOfMaskPaths_IsOneErrorNamingTheLimit()
    {
        var unit = await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" });
        var mask = new FieldMask();
        mask.Paths.AddRange(Enumerable.Range(0, 5000).Select(i => $"nope{i}"));
        var failure = await Api.Failure(() => _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = unit.Version, Unit = new UnitInput(), UpdateMask = mask, Write = Api.Because("T-5"),
        }, RunningServer.Bearer(_server.Token("erin.editor", Roles.Editor))).ResponseAsync);
        Assert.That(failure.Fields, Is.EqualTo(new[] { "update_mask.paths" }));
        Assert.That(failure.Message, Does.Contain("at most 32"));
    }

    [Test]
    public async Task UpdateUnit_WithTooManyOrTooLongResponsibilities_IsInvalidArgument()
    {
        var unit = await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" });
        var input = new UnitInput();
        input.ResponsibilitiesEn.AddRange(Enumerable.Repeat("x", 5000));
        input.ResponsibilitiesFr.Add(new string('y', 5000));
        var failure = await Api.Failure(() => _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = unit.Version, Unit = input,
            UpdateMask = new FieldMask { Paths = { "responsibilities_en", "responsibilities_fr" } }, Write = Api.Because("T-5"),
        }, RunningServer.Bearer(_server.Token("erin.editor", Roles.Editor))).ResponseAsync);
        Assert.That(failure.Fields, Is.EquivalentTo(new[] { "unit.responsibilities_en", "unit.responsibilities_fr[0]" }));
    }
}
