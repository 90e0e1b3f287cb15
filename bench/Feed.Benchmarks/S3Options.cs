using System.Globalization;

namespace PolicingHub.Benchmarks.Feed;

/// <summary>The `s3` command line (see Program's usage and bench/README.md).</summary>
internal sealed record S3Options(
    IReadOnlyList<int> Consoles,
    double CoordinatorPercent,
    int PerAgency,
    int PerWorker,
    int Slow,
    int SlowMilliseconds,
    double Rate,
    double Seconds,
    double WindowSeconds,
    double WarmupSeconds,
    IReadOnlyList<string> Sides)
{
    public int Commands => (int)Math.Round(Rate * Seconds);

    public static S3Options? Parse(IReadOnlyList<string> args, out string problem)
    {
        problem = "";
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            map[args[i]] = args[i + 1];
        }
        if (args.Count % 2 != 0)
        {
            problem = $"option {args[^1]} has no value";
            return null;
        }
        string[] known = ["--consoles", "--coordinators", "--per-agency", "--per-worker", "--slow", "--slow-ms", "--rate", "--seconds", "--window", "--warmup", "--sides"];
        if (map.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            problem = $"unknown option {unknown}";
            return null;
        }
        try
        {
            var options = new S3Options(
                [.. map.GetValueOrDefault("--consoles", "1000").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
                double.Parse(map.GetValueOrDefault("--coordinators", "2"), CultureInfo.InvariantCulture),
                int.Parse(map.GetValueOrDefault("--per-agency", "40"), CultureInfo.InvariantCulture),
                int.Parse(map.GetValueOrDefault("--per-worker", "1000"), CultureInfo.InvariantCulture),
                int.Parse(map.GetValueOrDefault("--slow", "5"), CultureInfo.InvariantCulture),
                int.Parse(map.GetValueOrDefault("--slow-ms", "-1"), CultureInfo.InvariantCulture),
                double.Parse(map.GetValueOrDefault("--rate", "20"), CultureInfo.InvariantCulture),
                double.Parse(map.GetValueOrDefault("--seconds", "15"), CultureInfo.InvariantCulture),
                double.Parse(map.GetValueOrDefault("--window", "5"), CultureInfo.InvariantCulture),
                double.Parse(map.GetValueOrDefault("--warmup", "20"), CultureInfo.InvariantCulture),
                map.GetValueOrDefault("--sides", "hub,bare").Split(',', StringSplitOptions.RemoveEmptyEntries));
            problem = options switch
            {
                { Consoles: var c } when c.Any(n => n is < 10 or > 20_000) => "--consoles: each between 10 and 20000",
                { CoordinatorPercent: < 0.1 or > 50 } => "--coordinators: a percentage between 0.1 and 50",
                { PerAgency: < 1 or > 50 } => "--per-agency: 1 to 50 (the hub's default per-agency connection cap is 50)",
                { PerWorker: < 50 or > 5000 } => "--per-worker: 50 to 5000 consoles per client process",
                { Slow: < 0 or > 100 } => "--slow: 0 to 100",
                { Rate: <= 0 or > 500 } => "--rate: commands per second, above 0 and at most 500",
                { Seconds: <= 0 or > 120 } => "--seconds: above 0 and at most 120",
                { WindowSeconds: <= 0 or > 60 } => "--window: above 0 and at most 60",
                { WarmupSeconds: < 0 or > 60 } => "--warmup: 0 to 60",
                { Sides: var s } when s.Count == 0 || s.Any(x => x is not ("hub" or "bare")) => "--sides: hub, bare or hub,bare",
                { Sides: var s } when s.Contains("bare") && !s.Contains("hub") => "--sides: the bare hub broadcasts the payloads the real hub sent; it needs hub",
                _ => "",
            };
            return problem.Length == 0 ? options : null;
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
    }
}
