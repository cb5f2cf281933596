namespace IomDirectory.Server.Application;

/// <summary>No valid token: missing, expired, forged or for another audience. Maps to UNAUTHENTICATED.</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);

/// <summary>A valid token whose role is not enough for the call. Maps to PERMISSION_DENIED.</summary>
public sealed class PermissionDeniedException(string message) : Exception(message);
