using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PolicingHub.Cluster.Tests.Processes.Support;

/// <summary>
/// One HTTP/1.1 request written whole onto a TCP connection before its answer is awaited — so it can be queued on a
/// frozen (kill -STOP) process: the kernel accepts the connection and buffers the bytes, and the process reads them
/// the moment it runs again. HttpClient cannot say when its request has left; this can (the write has completed).
/// </summary>
public sealed class QueuedRequest : IDisposable
{
    private readonly TcpClient _tcp = new();
    private NetworkStream _stream = null!;

    private QueuedRequest()
    {
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and writes a JSON request with <paramref name="headers"/>; returns once it is written.</summary>
    public static async Task<QueuedRequest> WriteAsync(int port, string method, string path, string json, IReadOnlyDictionary<string, string> headers)
    {
        var request = new QueuedRequest();
        await request._tcp.ConnectAsync("127.0.0.1", port);
        request._stream = request._tcp.GetStream();
        var body = Encoding.UTF8.GetBytes(json);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        await request._stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await request._stream.WriteAsync(body);
        await request._stream.FlushAsync();
        return request;
    }

    /// <summary>
    /// The answer (status code and the whole response text), or null when the connection closed without one (the
    /// process died), bounded by <paramref name="limit"/>.
    /// </summary>
    public async Task<(int Status, string Text)?> AnswerAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        using var text = new MemoryStream();
        try
        {
            await _stream.CopyToAsync(text, timeout.Token); // Connection: close — the server ends the stream after the answer
        }
        catch (IOException)
        {
        }
        var answer = Encoding.UTF8.GetString(text.ToArray());
        var parts = answer.Split(' ', 3);
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/1.1", StringComparison.Ordinal)
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var status)
            ? (status, answer)
            : null;
    }

    public void Dispose() => _tcp.Dispose();
}
