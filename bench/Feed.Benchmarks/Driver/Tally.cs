using System.Diagnostics;
using PolicingHub.Benchmarks.Feed.Plan;
using PolicingHub.Benchmarks.Feed.Worker;

namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>
/// Checks every receipt of a side against the independent statement of who must receive what (<see cref="PlannedEvent.Agencies"/>
/// plus every coordinator; an agency's presence events reach its own partners and coordinators): latency from the
/// moment just before the command (or the bare broadcast) was sent to the console's handler, for the regular consoles;
/// lost (a regular entitled console that did not get it within the window), leaked (any console that got what it may
/// not see), duplicated (the same event twice on one console, across the whole side).
/// </summary>
internal sealed class Tally(ConsolePlan plan)
{
    private readonly HashSet<(int Console, string Stream, long Sequence, string Type)> _seen = [];
    private readonly Dictionary<(string, string), PlannedEvent> _known = [];
    private long _leakedOutsidePhases;
    private long _duplicatedOutsidePhases;

    /// <summary>Receipts outside any measured phase (connecting, presence): checked for leaks and duplicates only.</summary>
    public void CheckOnly(IEnumerable<Receipt> receipts)
    {
        foreach (var receipt in receipts)
        {
            var spec = plan.Consoles[receipt.Console];
            if (!_seen.Add((receipt.Console, receipt.Stream, receipt.Sequence, receipt.Type)))
            {
                _duplicatedOutsidePhases++;
            }
            if (!Entitled(spec, receipt, out _))
            {
                _leakedOutsidePhases++;
            }
        }
    }

    public long LeakedOutsidePhases => _leakedOutsidePhases;

    public long DuplicatedOutsidePhases => _duplicatedOutsidePhases;

    public PhaseResult Phase(string side, bool slowOn, IReadOnlyList<SentEvent> sent, IEnumerable<Receipt> receipts, int closedByServer)
    {
        var phase = sent.Where(s => s.Acknowledged).ToDictionary(s => s.Event.Key);
        foreach (var s in sent)
        {
            _known[s.Event.Key] = s.Event;
        }
        var latencies = new List<double>();
        var afterAnswer = new List<double>();
        var got = new HashSet<(int, string, string)>();
        long leaked = 0, duplicated = 0, late = 0, slowDelivered = 0;
        foreach (var receipt in receipts)
        {
            var spec = plan.Consoles[receipt.Console];
            if (!_seen.Add((receipt.Console, receipt.Stream, receipt.Sequence, receipt.Type)))
            {
                duplicated++;
                continue;
            }
            if (!Entitled(spec, receipt, out var planned))
            {
                leaked++;
                continue;
            }
            if (planned is null)
            {
                continue; // presence, checked above
            }
            if (!phase.TryGetValue(planned.Key, out var s))
            {
                late++; // an earlier phase's event arriving now
                continue;
            }
            got.Add((receipt.Console, receipt.Stream, receipt.Type));
            if (spec.Slow)
            {
                slowDelivered++;
                continue;
            }
            latencies.Add(Stopwatch.GetElapsedTime(s.SentAt, receipt.Timestamp).TotalMilliseconds);
            afterAnswer.Add((receipt.Timestamp - s.AnsweredAt) * 1000.0 / Stopwatch.Frequency); // negative: it arrived before the answer
        }
        var coordinators = plan.Consoles.Where(c => c.Coordinator).ToList();
        long expected = 0, slowExpected = 0, lost = 0;
        foreach (var s in phase.Values)
        {
            foreach (var console in coordinators.Concat(plan.Consoles.Where(c => !c.Coordinator && s.Event.Agencies.Contains(c.Agency!))))
            {
                if (console.Slow)
                {
                    slowExpected++;
                    continue;
                }
                expected++;
                lost += got.Contains((console.Index, s.Event.Stream, s.Event.Type)) ? 0 : 1;
            }
        }
        latencies.Sort();
        afterAnswer.Sort();
        var commands = phase.Values.Select(s => Stopwatch.GetElapsedTime(s.SentAt, s.AnsweredAt).TotalMilliseconds).Order().ToList();
        return new PhaseResult(side, slowOn, plan.Regular.Count(), phase.Count, sent.Count - phase.Count,
            Percentile(commands, 0.50), Percentile(commands, 0.99),
            expected, latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count > 0 ? latencies[^1] : double.NaN,
            Percentile(afterAnswer, 0.50), Percentile(afterAnswer, 0.99),
            lost, leaked, duplicated, late, slowDelivered, slowExpected, closedByServer);
    }

    private bool Entitled(ConsoleSpec spec, Receipt receipt, out PlannedEvent? planned)
    {
        planned = null;
        if (receipt.Stream.StartsWith("agency/", StringComparison.Ordinal))
        {
            // Presence: the agency's own partners and coordinators (operators aside); registrations happened before anyone connected.
            return receipt.Type == "agency.status-changed" && (spec.Coordinator || receipt.Stream == $"agency/{spec.Agency}");
        }
        if (_known.TryGetValue((receipt.Stream, receipt.Type), out planned))
        {
            return spec.Coordinator || planned.Agencies.Contains(spec.Agency!);
        }
        // Anything else (an event no command of the bench caused): only coordinators may see unknown case content.
        return spec.Coordinator;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
