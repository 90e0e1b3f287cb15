using System.Net;
using System.Net.Sockets;

namespace PolicingHub.Silo.Cli;

/// <summary>
/// Before anything starts: is a port the gateway is configured to listen on already taken? Then the silo says so in one
/// line and exits, instead of starting Orleans and failing inside Kestrel with a stack trace in the log.
/// (<see cref="StartupFailure"/> still covers the race where the port is taken between this check and the bind.)
/// </summary>
internal static class PortCheck
{
    /// <returns>The first configured URL whose port is in use, or null.</returns>
    public static string? FirstBusy(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal),
                    UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }
            var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host, out var ip) ? ip : null;
            if (address is not null && IsBusy(address, uri.Port))
            {
                return url;
            }
        }
        return null;
    }

    private static bool IsBusy(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false; // not ours to judge (e.g. an address this machine lacks): Kestrel will say
        }
    }
}
