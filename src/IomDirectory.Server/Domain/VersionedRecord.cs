namespace IomDirectory.Server.Domain;

/// <summary>
/// One version of a directory record: the record's attributes while they were in force, over
/// [<see cref="ValidFrom"/>, <see cref="ValidTo"/>) with null meaning open-ended. A restructuring closes a
/// version and opens another; nothing is deleted.
/// </summary>
public abstract class VersionedRecord
{
    public long RowId { get; set; }

    /// <summary>The record's stable id, shared by all its versions.</summary>
    public string Id { get; set; } = "";

    public DateTime? ValidFrom { get; set; }

    public DateTime? ValidTo { get; set; }

    /// <summary>The source document (file name) this version comes from.</summary>
    public string Source { get; set; } = "";

    /// <summary>Optimistic-concurrency version of the whole record; bumped by every change.</summary>
    public long Version { get; set; } = 1;

    /// <summary>A copy of this version (same attributes), to become the next version.</summary>
    public VersionedRecord CloneVersion() => (VersionedRecord)MemberwiseClone();

    public bool IsInForceAt(DateTime instant) =>
        (ValidFrom is null || ValidFrom <= instant) && (ValidTo is null || instant < ValidTo);

    public bool Overlaps(VersionedRecord other) =>
        (ValidFrom ?? DateTime.MinValue) < (other.ValidTo ?? DateTime.MaxValue)
        && (other.ValidFrom ?? DateTime.MinValue) < (ValidTo ?? DateTime.MaxValue);
}
