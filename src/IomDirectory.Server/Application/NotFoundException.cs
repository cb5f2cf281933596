namespace IomDirectory.Server.Application;

/// <summary>The requested record does not exist (at the requested date). Maps to NOT_FOUND.</summary>
public sealed class NotFoundException(string entity, string id, DateTime? asOf = null)
    : Exception(asOf is null ? $"{entity} '{id}' was not found." : $"{entity} '{id}' was not found as of {asOf:yyyy-MM-dd}.")
{
    public string Entity { get; } = entity;
    public string Id { get; } = id;
}
