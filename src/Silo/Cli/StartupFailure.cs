using System.Net.Sockets;

namespace PolicingHub.Silo.Cli;

/// <summary>Start-up failures a user can fix, told in one line (no stack trace) with the exit code to end with.</summary>
internal static class StartupFailure
{
    public const int PortInUse = 4;

    public static string PortInUseLine(string url) =>
        $"cannot listen on {url}: the port is already in use (another PolicingHub?). Stop that process, or start on another port: --urls http://localhost:5081";

    /// <returns>The line to print and the exit code, or null when <paramref name="error"/> is not one of them.</returns>
    public static (string Line, int ExitCode)? Describe(Exception error, IEnumerable<string> urls)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } }
                || e.GetType().Name == "AddressInUseException"
                || (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }))
            {
                return (PortInUseLine(string.Join(", ", urls)), PortInUse);
            }
        }
        return null;
    }
}
