using System.Net;
using System.Net.Sockets;

namespace PolicingHub.Testing;

/// <summary>
/// Free TCP ports on the loopback for Orleans' silo and gateway endpoints: each is asked of the kernel (bind to port 0)
/// and never handed out twice in this process, so silos and servers started by tests running in parallel do not collide.
/// </summary>
public static class FreePorts
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];

    /// <summary>A port nobody listens on now and that this process has not handed out before.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
