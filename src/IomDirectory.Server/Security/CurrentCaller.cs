namespace IomDirectory.Server.Security;

/// <summary>
/// The caller of the call in progress, for the singletons that need it (authorization, the writer's audit trail).
/// The RPC binding sets it once it has checked the call's token, and it flows with the call's async context, as
/// <c>IHttpContextAccessor</c> does; a call without a token sets nothing and is <see cref="Caller.Anonymous"/>.
/// This is what lets every behaviour and handler be a singleton, with no DI scope per call.
/// </summary>
public sealed class CurrentCaller
{
    private readonly AsyncLocal<Caller?> _caller = new();

    public Caller Get() => _caller.Value ?? Caller.Anonymous;

    /// <summary>Sets the caller for the rest of the current async flow (the setting method and what it awaits).</summary>
    public void Set(Caller caller) => _caller.Value = caller;
}
