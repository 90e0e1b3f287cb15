namespace PolicingHub.Benchmarks.Feed.Plan;

/// <summary>
/// One console of the run: its index (its name in receipts), whether it is a coordinator or a partner of
/// <see cref="Agency"/>, whether it is one of the slow consoles, and the bearer token it connects to the real hub with.
/// </summary>
internal sealed record ConsoleSpec(int Index, bool Coordinator, string? Agency, bool Slow, string Token)
{
    /// <summary>The bare hub's group for this console: "coordinators" or the partner's agency.</summary>
    public string Group => Coordinator ? ConsolePlan.CoordinatorGroup : Agency!;

    public string ToLine() => string.Join('\t', Index, Coordinator ? "coordinator" : "partner", Agency ?? "-", Slow ? "slow" : "normal", Token);

    public static ConsoleSpec FromLine(string line)
    {
        var parts = line.Split('\t');
        return new ConsoleSpec(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1] == "coordinator",
            parts[2] == "-" ? null : parts[2], parts[3] == "slow", parts[4]);
    }
}
