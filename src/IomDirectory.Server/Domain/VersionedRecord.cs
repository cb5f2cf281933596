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

    /// <summary>
    /// For a version an admin wrote (<see cref="Source"/> is the audit trail): the source document its content was
    /// derived from, kept through every later edit, so an edit of one field does not erase where the rest comes from.
    /// Null for a version a source gives directly, and for a record an admin created.
    /// </summary>
    public string? DerivedFrom { get; set; }

    /// <summary>Who made the change that opened this version (an admin's write), when, and why; null for sourced versions.</summary>
    public string? ChangedBy { get; set; }

    public DateTime? ChangedAt { get; set; }

    public string? ChangeReason { get; set; }

    /// <summary>The source document the content comes from: the one given, or for an admin's version the one it was derived from.</summary>
    public string? OriginalSource => DerivedFrom ?? (Source == SourceDocument.AuditTrailId ? null : Source);

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
