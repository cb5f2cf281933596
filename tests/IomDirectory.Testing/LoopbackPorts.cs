using System.Net;
using System.Net.Sockets;

namespace IomDirectory.Testing;

public static class LoopbackPorts
{
    /// <summary>A loopback port free at the time of asking (the OS's choice of an ephemeral port).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
