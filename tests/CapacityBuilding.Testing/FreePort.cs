using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CapacityBuilding.Testing;

public static class FreePort
{
    // The OS may hand the same free port out twice before anything binds it (seen: the gateway
    // given the port just picked for assistance), so no port is given twice in one test run.
    private static readonly ConcurrentDictionary<int, byte> Given = new();

    /// <summary>A loopback port nothing listens on right now (the OS picks it), not given out before.</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (Given.TryAdd(port, 0))
            {
                return port;
            }
        }
    }
}
