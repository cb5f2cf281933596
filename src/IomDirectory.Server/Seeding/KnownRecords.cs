using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// Records a data set may refer to without holding them: the directory's, when a document is imported into it.
/// The versions are those of directory records the data set does not hold, for the checks that span both
/// (cycles, one coverage per country).
/// </summary>
public sealed record KnownRecords(
    IReadOnlySet<string> Sources,
    IReadOnlySet<string> Offices,
    IReadOnlySet<string> Units,
    IReadOnlyList<Sourced<OfficeRecord>> OfficeVersions,
    IReadOnlyList<Sourced<UnitRecord>> UnitVersions,
    IReadOnlyList<Sourced<CoverageRecord>> CoverageVersions)
{
    /// <summary>Where a directory record is said to be in messages.</summary>
    public const string Location = "(directory)";

    public static readonly KnownRecords None = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), [], [], []);
}
