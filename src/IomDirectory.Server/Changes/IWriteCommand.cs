using IomDirectory.Server.Application;

namespace IomDirectory.Server.Changes;

/// <summary>A change to the org chart: needs a role, is serialized with every other write, and is audited.</summary>
public interface IWriteCommand : IRequireRole
{
    WriteContext Write { get; }
}
