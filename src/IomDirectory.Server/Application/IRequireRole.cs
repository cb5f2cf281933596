namespace IomDirectory.Server.Application;

/// <summary>A request only callers with this role (or a higher one) may make.</summary>
public interface IRequireRole
{
    string RequiredRole { get; }
}
