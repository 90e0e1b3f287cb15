namespace PolicingHub.Benchmarks.Feed.Plan;

/// <summary>
/// Who connects: <c>consoles</c> regular consoles, of which <c>coordinatorPercent</c> % (at least one) are coordinators
/// (each its own subject) and the rest partners spread round-robin over agencies of at most <c>perAgency</c> consoles
/// each (under the hub's per-agency cap, PolicingHub:Hub:MaxConnectionsPerAgency = 50); plus <c>slow</c> slow
/// coordinator consoles (they receive every event) in a client process of their own.
/// </summary>
internal sealed class ConsolePlan
{
    public const string CoordinatorGroup = "coordinators";

    private ConsolePlan(IReadOnlyList<string> agencies, IReadOnlyList<ConsoleSpec> consoles)
    {
        Agencies = agencies;
        Consoles = consoles;
    }

    public IReadOnlyList<string> Agencies { get; }

    /// <summary>Every console, regular ones first, then the slow ones.</summary>
    public IReadOnlyList<ConsoleSpec> Consoles { get; }

    public IEnumerable<ConsoleSpec> Regular => Consoles.Where(c => !c.Slow);

    /// <summary>The agency codes for a run with <paramref name="partners"/> partner consoles: XB-A001, XB-A002, …</summary>
    public static IReadOnlyList<string> AgencyCodes(int partners, int perAgency) =>
        [.. Enumerable.Range(1, Math.Max(3, (partners + perAgency - 1) / perAgency)).Select(i => $"XB-A{i:D3}")];

    public static int CoordinatorCount(int consoles, double coordinatorPercent) =>
        Math.Clamp((int)Math.Round(consoles * coordinatorPercent / 100.0), 1, consoles - 1);

    public static ConsolePlan Create(int consoles, double coordinatorPercent, int perAgency, int slow,
        Func<string?, string> partnerToken, Func<int, string> coordinatorToken)
    {
        var coordinators = CoordinatorCount(consoles, coordinatorPercent);
        var agencies = AgencyCodes(consoles - coordinators, perAgency);
        var tokens = agencies.ToDictionary(a => a, a => partnerToken(a), StringComparer.Ordinal);
        var list = new List<ConsoleSpec>(consoles + slow);
        // Coordinators interleaved evenly, so every client process holds both kinds.
        var every = Math.Max(1, consoles / coordinators);
        var partner = 0;
        var coordinator = 0;
        for (var i = 0; i < consoles; i++)
        {
            if (coordinator < coordinators && i % every == every - 1)
            {
                list.Add(new ConsoleSpec(i, true, null, false, coordinatorToken(coordinator++)));
            }
            else
            {
                var agency = agencies[partner++ % agencies.Count];
                list.Add(new ConsoleSpec(i, false, agency, false, tokens[agency]));
            }
        }
        for (var s = 0; s < slow; s++)
        {
            list.Add(new ConsoleSpec(consoles + s, true, null, true, coordinatorToken(coordinators + s)));
        }
        return new ConsolePlan(agencies, list);
    }
}
