using System.Net;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Hosting;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Hosting;

/// <summary><c>Metrics:Enabled=false</c>: a fixture of its own, so its server never runs beside <see cref="MetricsTests"/>' one.</summary>
[TestFixture]
public sealed class MetricsDisabledTests
{
    [Test]
    public async Task MetricsDisabled_ServesNoScrapeEndpoint_AndCallsStillWork()
    {
        await using var server = await RunningServer.StartAsync("--Metrics:Enabled=false");
        using var http = new HttpClient { BaseAddress = server.WebAddress };
        var unit = await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "dhrr" });

        using var response = await http.GetAsync(MetricsHosting.ScrapePath);
        Assert.Multiple(() =>
        {
            Assert.That(unit.Id, Is.EqualTo("dhrr"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
