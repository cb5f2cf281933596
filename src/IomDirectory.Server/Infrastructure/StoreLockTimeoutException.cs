namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// A lock of the store was not free within its bounded wait; the message names the lock and the session holding it
/// (process id, user, application), so an operator can end it. A write maps it to UNAVAILABLE; start-up stops with it.
/// </summary>
public sealed class StoreLockTimeoutException(string message, Exception? inner = null) : Exception(message, inner);
