namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>What connecting one side's consoles cost: the server's resident memory before and after, and how many connected.</summary>
internal sealed record SideSetup(string Side, int Consoles, long RssBefore, long RssConnected, int Connected, int Failed, TimeSpan ConnectTime)
{
    public double KiBPerConnection => Connected == 0 ? double.NaN : (RssConnected - RssBefore) / 1024.0 / Connected;
}
