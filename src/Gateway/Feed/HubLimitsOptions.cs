using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Gateway.Feed;

/// <summary>Limits on the console hub, bound from "PolicingHub:Hub" and validated on start.</summary>
public sealed class HubLimitsOptions
{
    public const string SectionName = "PolicingHub:Hub";

    /// <summary>The largest message a client may send (consoles send only Subscribe(position) and pings); larger ones close the connection.</summary>
    [Range(1024, 1024 * 1024)]
    public long MaxMessageBytes { get; set; } = 4096;

    /// <summary>Hub method calls per connection per second (a token bucket of this size, refilled every second); excess calls get an error.</summary>
    [Range(1, 10_000)]
    public int CallsPerSecond { get; set; } = 5;

    /// <summary>Open console connections per partner agency (per subject for coordinators and operators); one more is closed at once.</summary>
    [Range(1, 100_000)]
    public int MaxConnectionsPerAgency { get; set; } = 50;

    /// <summary>How often the server pings a client (so proxies keep the socket and clients notice a dead server).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Idle timeout: a client that sends nothing (not even its pings) for this long is disconnected.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan ClientTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a new connection may take to complete the SignalR handshake.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
