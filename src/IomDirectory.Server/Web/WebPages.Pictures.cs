using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Countries;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Web;

public static partial class WebPages
{
    /// <summary>The coverage map: every country coloured by the regional office covering it on the date read.</summary>
    private static async Task<object> Map(WebContext web, RequestPipelines pipeline, CancellationToken ct)
    {
        var countries = await pipeline.Send(new ListCountriesQuery(web.Read), ct);
        var view = countries.View;
        return new MapModel(CoverageRegions(view, web.Language),
            countries.Value.Where(c => c.RegionalOffice is null).Select(c => c.Country).ToList(), view);
    }

    /// <summary>The regional offices in force, in the directory's order (which gives each its colour), with the countries each covers.</summary>
    private static IReadOnlyList<MapRegion> CoverageRegions(DirectoryView view, string language) =>
        view.OrderedOffices.Where(o => o.Type == OfficeType.RegionalOffice)
            .Select((office, i) => new MapRegion(office, i, Covered(view, office.Id, language)))
            .ToList();
}
