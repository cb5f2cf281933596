using System.Text.Json;
using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Changes;

/// <summary>
/// The operations a write is made of, on tracked rows inside the writer's transaction: effective-dated changes
/// that close the version in force and open a new one, optimistic version checks, and audit events.
/// </summary>
public sealed class WriteSession(DirectoryDbContext db, Caller caller, WriteContext write, DateTime now)
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web) { WriteIndented = false };
    private readonly List<AuditEventRecord> _events = [];

    public DirectoryDbContext Db => db;
    public DateTime Effective => write.EffectiveFrom;
    public IReadOnlyList<AuditEventRecord> Events => _events;

    public async Task<List<T>> VersionsAsync<T>(string id, CancellationToken ct) where T : VersionedRecord =>
        (await db.Set<T>().Where(r => r.Id == id).ToListAsync(ct)).OrderBy(r => r.ValidFrom ?? DateTime.MinValue).ToList();

    /// <summary>The versions of a record that must exist at the effective date, after checking the version the caller read.</summary>
    /// <remarks>A null <paramref name="expectedVersion"/> is for records a write changes as a consequence (a retired unit's children).</remarks>
    public async Task<(List<T> Versions, T InForce)> ExistingAsync<T>(string entity, string id, long? expectedVersion, CancellationToken ct)
        where T : VersionedRecord
    {
        var versions = await VersionsAsync<T>(id, ct);
        var inForce = versions.FirstOrDefault(v => v.IsInForceAt(Effective))
                      ?? throw new NotFoundException(entity, id, Effective);
        var current = versions.Max(v => v.Version);
        if (expectedVersion is { } expected && expected != current)
            throw new ConcurrencyConflictException(entity, id, expected, current);
        return (versions, inForce);
    }

    public void Create<T>(string kind, T record) where T : VersionedRecord
    {
        record.ValidFrom = Effective;
        record.ValidTo = null;
        record.Version = 1;
        Stamp(record, derivedFrom: null);
        db.Set<T>().Add(record);
        Audit($"{kind}.create", kind, record.Id, null, record);
    }

    /// <summary>
    /// Changes a record from the effective date on: the version in force is closed there and a changed copy opens,
    /// running until the next scheduled version (if any). A change at the very start of a version edits it in place.
    /// </summary>
    public T Change<T>(string operation, string kind, List<T> versions, T inForce, Action<T> mutate)
        where T : VersionedRecord
    {
        var before = Snapshot(inForce);
        var nextVersion = versions.Max(v => v.Version) + 1;
        T changed;
        if (inForce.ValidFrom == Effective)
        {
            changed = inForce;
        }
        else
        {
            changed = (T)inForce.CloneVersion();
            changed.RowId = 0;
            changed.ValidFrom = Effective;
            changed.ValidTo = inForce.ValidTo;
            inForce.ValidTo = Effective;
            db.Set<T>().Add(changed);
        }
        var derivedFrom = inForce.OriginalSource;
        mutate(changed);
        Stamp(changed, derivedFrom);
        foreach (var v in versions) v.Version = nextVersion;
        changed.Version = nextVersion;
        AuditRaw(operation, kind, changed.Id, before, Snapshot(changed));
        return changed;
    }

    /// <summary>Ends a record at the effective date. Scheduled versions after it would be left orphaned, so they block.</summary>
    public void Retire<T>(string kind, List<T> versions, T inForce) where T : VersionedRecord
    {
        if (versions.Any(v => v.ValidFrom > Effective))
            throw new PreconditionFailedException($"{kind} '{inForce.Id}' has changes scheduled after {Effective:yyyy-MM-dd}; retire it after them.");
        if (inForce.ValidFrom == Effective)
            throw new PreconditionFailedException($"{kind} '{inForce.Id}' has a version starting exactly at {Effective:O}; retire it later than that.");
        var before = Snapshot(inForce);
        inForce.ValidTo = Effective;
        var nextVersion = versions.Max(v => v.Version) + 1;
        foreach (var v in versions) v.Version = nextVersion;
        AuditRaw($"{kind}.retire", kind, inForce.Id, before, "");
    }

    public void Audit(string operation, string kind, string id, object? before, object? after) =>
        AuditRaw(operation, kind, id, before is null ? "" : Snapshot(before), after is null ? "" : Snapshot(after));

    private void AuditRaw(string operation, string kind, string id, string before, string after)
    {
        var record = new AuditEventRecord
        {
            At = now,
            Actor = caller.Actor,
            ActorRole = caller.Role,
            Operation = operation,
            EntityKind = kind,
            EntityId = id,
            BeforeJson = before,
            AfterJson = after,
            Reason = write.Reason.Trim(),
            EffectiveFrom = Effective,
        };
        db.AuditEvents.Add(record);
        _events.Add(record);
    }

    /// <summary>
    /// Provenance of a version an admin wrote: the audit trail (whose event carries the whole change), the source
    /// document the content was derived from, and who changed it, when and why, on the version itself so every read
    /// can show them.
    /// </summary>
    private void Stamp(VersionedRecord version, string? derivedFrom)
    {
        version.Source = AuditSource.Id;
        version.DerivedFrom = derivedFrom;
        version.ChangedBy = caller.Name;
        version.ChangedAt = now;
        version.ChangeReason = write.Reason.Trim();
    }

    private static string Snapshot(object record) => JsonSerializer.Serialize(record, record.GetType(), AuditJson);
}
