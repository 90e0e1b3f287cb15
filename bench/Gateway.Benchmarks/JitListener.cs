using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// <c>--profile</c>: listens in this process to the runtime's JIT events (MethodLoadVerbose, keyword JIT) and counts, while
/// recording, the methods compiled per declaring type and per optimization tier — to tell tier-up of hot code from code
/// that is generated again and again (dynamic methods, stubs) while the load runs.
/// </summary>
internal sealed class JitListener : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private readonly ConcurrentDictionary<string, int> _byType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _byTier = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start()
    {
        _byType.Clear();
        _byTier.Clear();
        _recording = true;
    }

    public (IReadOnlyList<(string Type, int Methods)> Types, IReadOnlyList<(string Tier, int Methods)> Tiers) Stop()
    {
        _recording = false;
        return ([.. _byType.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value))],
            [.. _byTier.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value))]);
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!_recording || data.EventName is null || !data.EventName.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) || data.PayloadNames is null)
        {
            return;
        }
        var type = Payload(data, "MethodNamespace") as string ?? "?";
        var flags = Payload(data, "MethodFlags") is { } f ? Convert.ToUInt32(f, System.Globalization.CultureInfo.InvariantCulture) : 0u;
        // MethodFlags: 0x1 dynamic, 0x2 generic; from bit 7 the optimization tier (as TraceEvent reads it).
        var tier = ((flags >> 7) & 0xF) switch
        {
            1 => "min-opts",
            2 => "optimized (not tiered)",
            3 => "tier 0",
            4 => "tier 1",
            5 => "ready-to-run",
            7 => "tier 0 instrumented",
            8 => "tier 1 instrumented",
            var other => $"tier {other}",
        };
        if ((flags & 0x1) != 0)
        {
            tier += ", dynamic";
            type = $"(dynamic) {type}";
        }
        _byType.AddOrUpdate(Shorten(type), 1, (_, n) => n + 1);
        _byTier.AddOrUpdate(tier, 1, (_, n) => n + 1);
    }

    private static object? Payload(EventWrittenEventArgs data, string name)
    {
        var i = data.PayloadNames!.IndexOf(name);
        return i >= 0 && data.Payload is { } payload && i < payload.Count ? payload[i] : null;
    }

    /// <summary>Generic arguments make every instantiation its own name: keep the type up to its first '['.</summary>
    private static string Shorten(string type)
    {
        var bracket = type.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? type[..bracket] : type;
    }
}
