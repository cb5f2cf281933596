namespace IomDirectory.Server.Application;

/// <summary>
/// A request that passed its validator but cannot be served as asked (an unknown country name, a page token
/// that is not ours). Maps to INVALID_ARGUMENT with the field named.
/// </summary>
public sealed class InvalidRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
