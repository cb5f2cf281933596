using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>A record version read from data/, with its file and the position of its record in that file.</summary>
public sealed record Sourced<T>(string File, int Entry, T Record) where T : VersionedRecord;

/// <summary>A source document read from data/, with where it was read.</summary>
public sealed record SourcedDocument(string File, SourceDocument Document);

/// <summary>Everything data/ holds, read but not yet validated or stored.</summary>
public sealed class DataSet
{
    public List<SourcedDocument> Sources { get; } = [];
    public List<Country> Countries { get; } = [];
    public List<Sourced<OfficeRecord>> Offices { get; } = [];
    public List<Sourced<OfficeFunctionRecord>> OfficeFunctions { get; } = [];
    public List<Sourced<CoverageRecord>> Coverage { get; } = [];
    public List<Sourced<UnitRecord>> Units { get; } = [];
    public List<Sourced<MailboxRecord>> Mailboxes { get; } = [];
    public List<Sourced<FocalPointRecord>> FocalPoints { get; } = [];
    public List<Sourced<CommitteeRecord>> Committees { get; } = [];

    /// <summary>Appends every record of <paramref name="other"/>, after this set's own.</summary>
    public void Add(DataSet other)
    {
        Sources.AddRange(other.Sources);
        Countries.AddRange(other.Countries);
        Offices.AddRange(other.Offices);
        OfficeFunctions.AddRange(other.OfficeFunctions);
        Coverage.AddRange(other.Coverage);
        Units.AddRange(other.Units);
        Mailboxes.AddRange(other.Mailboxes);
        FocalPoints.AddRange(other.FocalPoints);
        Committees.AddRange(other.Committees);
    }

    public IEnumerable<(string Area, string File, int Entry, VersionedRecord Record)> AllVersions() =>
        Offices.Select(s => ("office", s.File, s.Entry, (VersionedRecord)s.Record))
            .Concat(OfficeFunctions.Select(s => ("office function", s.File, s.Entry, (VersionedRecord)s.Record)))
            .Concat(Coverage.Select(s => ("coverage", s.File, s.Entry, (VersionedRecord)s.Record)))
            .Concat(Units.Select(s => ("unit", s.File, s.Entry, (VersionedRecord)s.Record)))
            .Concat(Mailboxes.Select(s => ("mailbox", s.File, s.Entry, (VersionedRecord)s.Record)))
            .Concat(FocalPoints.Select(s => ("focal point", s.File, s.Entry, (VersionedRecord)s.Record)))
            .Concat(Committees.Select(s => ("committee", s.File, s.Entry, (VersionedRecord)s.Record)));
}
