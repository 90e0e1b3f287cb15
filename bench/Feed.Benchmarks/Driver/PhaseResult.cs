namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>One measured phase (a server, with or without slow consoles): what was sent, delivered, lost, leaked, duplicated, and how fast.</summary>
internal sealed record PhaseResult(
    string Side,
    bool SlowOn,
    int Consoles,
    int EventsSent,
    int CommandsFailed,
    double CommandP50,
    double CommandP99,
    long Expected,
    long Delivered,
    double P50,
    double P99,
    double Max,
    double AnsweredP50,
    double AnsweredP99,
    long Lost,
    long Leaked,
    long Duplicated,
    long Late,
    long SlowDelivered,
    long SlowExpected,
    int ClosedByServer)
{
    /// <summary>The server process's CPU time during the round (commands, fan-out and sends; for the hub also the grains and the log).</summary>
    public TimeSpan ServerCpu { get; init; }

    /// <summary>The 1-minute load average at the end of the round.</summary>
    public double Load { get; init; }

    public double CpuMicrosecondsPerDelivery => Delivered + SlowDelivered == 0 ? double.NaN : ServerCpu.TotalMicroseconds / (Delivered + SlowDelivered);
}
