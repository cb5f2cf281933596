using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Features.Contacts;
using IomDirectory.Server.Features.Countries;
using IomDirectory.Server.Features.History;
using IomDirectory.Server.Features.Offices;
using IomDirectory.Server.Features.Search;
using IomDirectory.Server.Features.Units;

namespace IomDirectory.Server.Web;

public static partial class WebPages
{
    /// <summary>The org chart to three levels under the roots, and the offices by region; each list shown is capped on the page.</summary>
    private static async Task<object> Browse(WebContext web, RequestPipelines pipeline, CancellationToken ct)
    {
        var tree = await pipeline.Send(new GetSubtreeQuery("", 3, web.Read), ct);
        var offices = await pipeline.Send(new ListOfficesQuery(null, "", "", new PageRequest(500, ""), web.Read), ct);
        var view = offices.View;
        var all = offices.Value.Items;
        var regions = all.Where(o => o.Type == OfficeType.RegionalOffice)
            .Select(ro => new RegionBranch(ro,
                all.Where(o => o.Type == OfficeType.SubRegionalOffice && view.RegionalOfficeOf(o) == ro.Id).ToList(),
                Covered(view, ro.Id, web.Language)))
            .ToList();
        var other = all.Where(o => o.Type is not (OfficeType.RegionalOffice or OfficeType.SubRegionalOffice)).ToList();
        return new BrowseModel(tree.Value, regions, other, view);
    }

    private static async Task<object> Unit(WebContext web, RequestPipelines pipeline, string id, CancellationToken ct)
    {
        var unit = await pipeline.Send(new GetUnitQuery(id, web.Read), ct);
        var path = await pipeline.Send(new GetUnitPathQuery(id, web.Read), ct);
        var children = await pipeline.Send(new ListUnitsQuery(id, null, "", new PageRequest(ChildrenShown, ""), web.Read), ct);
        var mailboxes = await pipeline.Send(new ListMailboxesQuery(id, new PageRequest(ChildrenShown, ""), web.Read), ct);
        var focal = await pipeline.Send(new ListFocalPointsQuery("", id, new PageRequest(ChildrenShown, ""), web.Read), ct);
        var history = await pipeline.Send(new GetRecordHistoryQuery(GetRecordHistoryQuery.Units, id, web.Read), ct);
        return new UnitModel(unit.Value, path.Value, children.Value, mailboxes.Value.Items, focal.Value.Items, history.Value, unit.View);
    }

    private static async Task<object> Office(WebContext web, RequestPipelines pipeline, string id, CancellationToken ct)
    {
        var office = await pipeline.Send(new GetOfficeQuery(id, web.Read), ct);
        var units = await pipeline.Send(new ListUnitsQuery("", null, id, new PageRequest(ChildrenShown, ""), web.Read), ct);
        var focal = await pipeline.Send(new ListFocalPointsQuery(id, "", new PageRequest(ChildrenShown, ""), web.Read), ct);
        var history = await pipeline.Send(new GetRecordHistoryQuery(GetRecordHistoryQuery.Offices, id, web.Read), ct);
        var view = office.View;
        return new OfficeModel(office.Value, units.Value, focal.Value.Items, view.Functions[id].ToList(), Covered(view, id, web.Language), history.Value, view);
    }

    /// <summary>A country's code or name (the picker sends codes; a person may type a name).</summary>
    private const int CountryParameterLimit = 100;

    private static async Task<object> Countries(WebContext web, RequestPipelines pipeline, CancellationToken ct)
    {
        // The picker's form sends ?country=XX; without a script that is how the choice reaches its page, whose own
        // address (shareable, the one every other link uses) it is sent on to.
        if (web.Param("country") is { Length: > 0 } picked)
        {
            if (picked.Length > CountryParameterLimit)
                throw new WebInputException("country", web.T("error.countrytoolong", ("n", CountryParameterLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            return Results.Redirect(web.CountryLink(picked.Trim()));
        }
        var countries = await pipeline.Send(new ListCountriesQuery(web.Read), ct);
        return new CountriesModel(countries.Value, web.CookieCountry ?? "", countries.View);
    }

    private static async Task<object> Country(WebContext web, RequestPipelines pipeline, string code, CancellationToken ct)
    {
        var resolved = await pipeline.Send(new ResolveCountryQuery(code, web.Read), ct);
        var countries = await pipeline.Send(new ListCountriesQuery(web.Read), ct);
        var view = resolved.View;
        var region = resolved.Value.RegionalOffice.Id;
        var inRegion = Covered(view, region, web.Language).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var coordination = view.OrderedOffices
            .Where(o => o.Id == region || inRegion.Contains(o.Country))
            .SelectMany(o => view.Functions[o.Id].Where(f => f.Kind == "coordination").Select(f => new CoordinationOffice(o, f)))
            .ToList();
        web.RememberCountry(resolved.Value.Country.Code);
        return new CountryModel(resolved.Value, coordination, countries.Value, view) { Regions = CoverageRegions(view, web.Language) };
    }

    /// <summary>
    /// Search that forgives: an empty result for a misspelt word is searched again as Ask would read it ("shleter" →
    /// "shelter"); a correction that finds more is offered ("did you mean"); countries the text names come first.
    /// </summary>
    private static async Task<object> Search(WebContext web, RequestPipelines pipeline, CancellationToken ct)
    {
        var query = web.Param("q");
        if (query.Trim().Length == 0) return new SearchModel(query, null, [], null);
        var page = new PageRequest(20, web.Param("page"));
        var found = await pipeline.Send(new SearchDirectoryQuery(query, [], page, web.Read), ct);
        var hints = (await pipeline.Send(new SuggestSearchQuery(query, web.Read), ct)).Value;
        var showingCorrected = false;
        if (found.Value.Page.TotalSize == 0 && hints.Corrected is { } corrected)
        {
            var again = await pipeline.Send(new SearchDirectoryQuery(corrected, [], page, web.Read), ct);
            if (again.Value.Page.TotalSize > 0) (found, showingCorrected) = (again, true);
        }
        return new SearchModel(query, found.Value.Page, [.. found.Value.Terms], found.View)
        {
            Corrected = hints.Corrected,
            ShowingCorrected = showingCorrected,
            Countries = hints.Countries,
        };
    }

    /// <summary>The countries an office covers, by name in the page's language (not by ISO code: "India, Iran, Japan, Cambodia").</summary>
    private static IReadOnlyList<Country> Covered(Snapshots.DirectoryView view, string officeId, string language) =>
        (view.CoveredCountries.GetValueOrDefault(officeId) ?? [])
        .Select(code => view.Snapshot.Countries.ByCode(code)).OfType<Country>()
        .OrderBy(c => c.Name.In(language), StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(language), ignoreCase: true))
        .ToList();
}
