using System.Net.Sockets;
using System.Text;

namespace PolicingHub.Process.Tests.Support;

/// <summary>One HTTP/1.1 request written byte for byte to a socket (for requests no HttpClient would send), and its response.</summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> (with "Connection: close" added) and returns the status, headers and body.</summary>
    public static async Task<(int Status, string Headers, string Body)> SendAsync(Uri server, byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(request);
        using var response = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.CopyToAsync(response, timeout.Token);
        var text = Encoding.Latin1.GetString(response.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, head, split < 0 ? string.Empty : text[(split + 4)..]);
    }

    /// <summary>A GET of <paramref name="target"/> with the extra header lines given as raw bytes.</summary>
    public static byte[] Get(string target, params byte[][] headerLines)
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"));
        foreach (var line in headerLines)
        {
            bytes.AddRange(line);
            bytes.AddRange("\r\n"u8.ToArray());
        }
        bytes.AddRange("\r\n"u8.ToArray());
        return [.. bytes];
    }
}
