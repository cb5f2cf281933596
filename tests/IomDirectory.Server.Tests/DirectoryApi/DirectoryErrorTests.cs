using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.DirectoryApi;

/// <summary>Bad input gets the right status, names the field, and says why.</summary>
[TestFixture]
public sealed class DirectoryErrorTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task GetUnit_WithoutId_IsInvalidArgumentNamingId()
    {
        var failure = await Api.Failure(() => _server.Directory.GetUnitAsync(new GetUnitRequest()).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { "id" }));
        Assert.That(failure.Message, Does.Contain("id is required"));
    }

    [Test]
    public async Task GetUnit_Unknown_IsNotFound()
    {
        var failure = await Api.Failure(() => _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "no-such-unit" }).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.NotFound));
        Assert.That(failure.Message, Does.Contain("no-such-unit"));
    }

    [Test]
    public async Task ListOffices_WithSeveralBadFields_ReportsThemAll()
    {
        var failure = await Api.Failure(() => _server.Directory.ListOfficesAsync(
            new ListOfficesRequest { PageSize = 10_000, PageToken = "garbage!", Language = "de", Type = (OfficeType)99 }).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EquivalentTo(new[] { "page_size", "page_token", "language", "type" }));
    }

    [Test]
    public async Task ListOffices_UnknownCountry_IsInvalidArgumentNamingCountry()
    {
        var failure = await Api.Failure(() => _server.Directory.ListOfficesAsync(new ListOfficesRequest { Country = "Atlantis" }).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { "country" }));
    }

    [Test]
    public async Task ResolveCountry_Unknown_IsInvalidArgumentNamingCountry()
    {
        var failure = await Api.Failure(() => _server.Directory.ResolveCountryAsync(new ResolveCountryRequest { Country = "Narnia" }).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { "country" }));
    }

    [Test]
    public async Task SearchDirectory_EmptyQueryAndUnknownKind_AreInvalid()
    {
        var failure = await Api.Failure(() => _server.Directory.SearchDirectoryAsync(
            new SearchDirectoryRequest { Query = "  ", Kinds = { "person" } }).ResponseAsync);
        Assert.That(failure.Fields, Is.EquivalentTo(new[] { "query", "kinds[0]" }));
    }

    [Test]
    public async Task GetSubtree_UnknownUnit_IsNotFound()
    {
        var failure = await Api.Failure(async () =>
        {
            await foreach (var _ in Api.Stream(() => _server.Directory.GetSubtree(new GetSubtreeRequest { Id = "nope" })))
            {
            }
        });
        Assert.That(failure.Code, Is.EqualTo(StatusCode.NotFound));
    }
}
