namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>
/// What connecting one side's consoles cost: the server's resident memory before and after, how many connected, and
/// the server's CPU at rest with every console connected (keep-alives, timers, background work), over <see cref="RestTime"/>.
/// </summary>
internal sealed record SideSetup(string Side, int Consoles, long RssBefore, long RssConnected, int Connected, int Failed, TimeSpan ConnectTime,
    TimeSpan RestCpu, TimeSpan RestTime)
{
    public double RestCpuPercent => RestCpu / RestTime * 100;

    public double KiBPerConnection => Connected == 0 ? double.NaN : (RssConnected - RssBefore) / 1024.0 / Connected;
}
