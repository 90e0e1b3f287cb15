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
    long Lost,
    long Leaked,
    long Duplicated,
    long Late,
    long SlowDelivered,
    long SlowExpected,
    int ClosedByServer);
