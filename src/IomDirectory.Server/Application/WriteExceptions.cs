namespace IomDirectory.Server.Application;

/// <summary>The record changed since the caller read it. Maps to ABORTED, with the current version.</summary>
public sealed class ConcurrencyConflictException(string entity, string id, long expected, long current)
    : Exception($"{entity} '{id}' is at version {current}, not {expected}: it changed since you read it; read it again and retry.")
{
    public long CurrentVersion { get; } = current;
}

/// <summary>The write is valid but the directory's state does not allow it now. Maps to FAILED_PRECONDITION.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>
/// The audit trail holds what no valid write produced (an event the database's sequence never assigned, or a sequence
/// behind what the replicas have applied): following it would hide later changes, so the replica stops applying them
/// and refuses writes until it is repaired. Maps to UNAVAILABLE.
/// </summary>
public sealed class ChangeFeedStalledException(string message) : Exception(message);

/// <summary>The database cannot be reached now. Maps to UNAVAILABLE: the client may retry.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
