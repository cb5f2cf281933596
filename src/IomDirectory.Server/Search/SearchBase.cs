using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Search;

/// <summary>
/// The base tier of a <see cref="SearchIndex"/>, every document of one view, with what of that view a delta over it
/// reads (<see cref="SearchDelta"/>): the offices and office functions its documents were read with, and where its
/// focal points and functions were. Not the view itself: a chain of deltas keeps these, not the older snapshot.
/// </summary>
internal sealed class SearchBase
{
    private readonly ILookup<string, string> _focalPointsByOffice;
    private readonly Dictionary<string, string> _officeOfFunction;

    public SearchBase(DirectoryView view, UnitWords words)
    {
        Tier = new SearchTier(new SearchCorpus(view, words));
        Offices = view.Offices;
        Functions = view.Functions;
        _focalPointsByOffice = view.FocalPoints.ToLookup(f => f.OfficeId, f => f.Id, StringComparer.Ordinal);
        _officeOfFunction = view.Functions.SelectMany(g => g).ToDictionary(f => f.Id, f => f.OfficeId, StringComparer.Ordinal);
    }

    public SearchTier Tier { get; }

    public IReadOnlyDictionary<string, OfficeRecord> Offices { get; }

    public ILookup<string, OfficeFunctionRecord> Functions { get; }

    /// <summary>The ids of the focal points the base's view held at the office.</summary>
    public IEnumerable<string> FocalPointsIn(string officeId) => _focalPointsByOffice[officeId];

    /// <summary>The office of the function in the base's view, if it had it.</summary>
    public string? OfficeOfFunction(string functionId) => _officeOfFunction.GetValueOrDefault(functionId);
}
