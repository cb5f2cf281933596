using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Features.Countries;
using IomDirectory.Server.Features.Units;
using IomDirectory.Server.Routing;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search;

namespace IomDirectory.Server.Web;

public sealed record AskModel(string Question, string Country, IReadOnlyList<CountryEntry> Countries, RoutingResult? Answer, DirectoryView View)
{
    /// <summary>The country the form is pre-filled with (remembered, or read from the question) rather than picked, sent back beside the choice so the page can tell the two apart.</summary>
    public string Remembered { get; init; } = "";

    /// <summary>The language the question is written in (the interface's may differ).</summary>
    public string QuestionLanguage { get; init; } = "";
}

public sealed record RegionBranch(OfficeRecord Office, IReadOnlyList<OfficeRecord> SubRegional, IReadOnlyList<Country> Countries);

public sealed record BrowseModel(IReadOnlyList<SubtreeEntry> Headquarters, IReadOnlyList<RegionBranch> Regions,
    IReadOnlyList<OfficeRecord> OtherOffices, DirectoryView View);

public sealed record UnitModel(UnitRecord Unit, IReadOnlyList<UnitRecord> Path, Paged<UnitRecord> Children,
    IReadOnlyList<MailboxRecord> Mailboxes, IReadOnlyList<FocalPointRecord> FocalPoints, IReadOnlyList<Features.History.HistoryEntry> History, DirectoryView View);

public sealed record OfficeModel(OfficeRecord Office, Paged<UnitRecord> Units, IReadOnlyList<FocalPointRecord> FocalPoints,
    IReadOnlyList<OfficeFunctionRecord> Functions, IReadOnlyList<Country> Covered, IReadOnlyList<Features.History.HistoryEntry> History, DirectoryView View);

public sealed record CoordinationOffice(OfficeRecord Office, OfficeFunctionRecord Function);

public sealed record CountryModel(CountryResolution Resolution, IReadOnlyList<CoordinationOffice> Coordination,
    IReadOnlyList<CountryEntry> Countries, DirectoryView View)
{
    /// <summary>The coverage map's regions, the country's own drawn out.</summary>
    public IReadOnlyList<MapRegion> Regions { get; init; } = [];
}

/// <summary>A regional office on the coverage map: its colour (0–8, by the directory's order) and the countries it covers.</summary>
public sealed record MapRegion(OfficeRecord Office, int Colour, IReadOnlyList<Country> Countries);

public sealed record MapModel(IReadOnlyList<MapRegion> Regions, IReadOnlyList<Country> Uncovered, DirectoryView View);

public sealed record CountriesModel(IReadOnlyList<CountryEntry> Countries, string Selected, DirectoryView View);

public sealed record SearchModel(string Query, Paged<SearchIndex.Hit>? Hits, string[] Terms, DirectoryView? View)
{
    /// <summary>The query with its misspelt words corrected as Ask reads them, if any was.</summary>
    public string? Corrected { get; init; }

    /// <summary>Whether the hits are those of <see cref="Corrected"/> (the query as typed found nothing).</summary>
    public bool ShowingCorrected { get; init; }

    /// <summary>Countries the query names, with the regional office covering each.</summary>
    public IReadOnlyList<(Country Country, OfficeRecord? RegionalOffice)> Countries { get; init; } = [];
}

public sealed record ErrorModel(int Status, string Title, string Message, string? Reference);
