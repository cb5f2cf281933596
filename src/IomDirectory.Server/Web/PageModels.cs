using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Features.Countries;
using IomDirectory.Server.Features.Units;
using IomDirectory.Server.ReadModel;
using IomDirectory.Server.Routing;

namespace IomDirectory.Server.Web;

public sealed record AskModel(string Question, string Country, IReadOnlyList<CountryEntry> Countries, RoutingResult? Answer, DirectoryView View);

public sealed record RegionBranch(OfficeRecord Office, IReadOnlyList<OfficeRecord> SubRegional, IReadOnlyList<Country> Countries);

public sealed record BrowseModel(IReadOnlyList<SubtreeEntry> Headquarters, IReadOnlyList<RegionBranch> Regions,
    IReadOnlyList<OfficeRecord> OtherOffices, DirectoryView View);

public sealed record UnitModel(UnitRecord Unit, IReadOnlyList<UnitRecord> Path, Paged<UnitRecord> Children,
    IReadOnlyList<MailboxRecord> Mailboxes, IReadOnlyList<FocalPointRecord> FocalPoints, IReadOnlyList<Features.History.HistoryEntry> History, DirectoryView View);

public sealed record OfficeModel(OfficeRecord Office, Paged<UnitRecord> Units, IReadOnlyList<FocalPointRecord> FocalPoints,
    IReadOnlyList<OfficeFunctionRecord> Functions, IReadOnlyList<Country> Covered, IReadOnlyList<Features.History.HistoryEntry> History, DirectoryView View);

public sealed record CoordinationOffice(OfficeRecord Office, OfficeFunctionRecord Function);

public sealed record CountryModel(CountryResolution Resolution, IReadOnlyList<CoordinationOffice> Coordination,
    IReadOnlyList<CountryEntry> Countries, DirectoryView View);

public sealed record CountriesModel(IReadOnlyList<CountryEntry> Countries, string Selected, DirectoryView View);

public sealed record SearchModel(string Query, Paged<SearchIndex.Hit>? Hits, string[] Terms, DirectoryView? View);

public sealed record ErrorModel(int Status, string Title, string Message, string? Reference);
