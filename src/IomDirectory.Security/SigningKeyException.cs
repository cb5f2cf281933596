namespace IomDirectory.Security;

/// <summary>The signing key cannot be used (unsafe file, corrupt or too short); the message says how to fix it.</summary>
public sealed class SigningKeyException(string message) : Exception(message);
