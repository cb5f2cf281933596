using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Kestrel's limits from <c>Kestrel:Limits</c> (appsettings.json: 1,024 connections per endpoint, 30 s keep-alive,
/// 10 s to send a request's headers, 8 MiB bodies, HTTP/2 pings). ASP.NET Core binds only <c>Kestrel:Endpoints</c> of
/// that section by itself; without this Kestrel ran on its defaults (no connection cap, 130 s keep-alive), and idle
/// connections alone could exhaust the process's file descriptors. The cap is per endpoint: connections over it are
/// closed as they arrive, so a flood of one port leaves the other serving. It is not per client: that limit belongs
/// in the proxy in front.
/// </summary>
internal static class ConnectionLimits
{
    public const string Section = "Kestrel:Limits";

    public static void Apply(WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel => builder.Configuration.GetSection(Section).Bind(kestrel.Limits));
}
