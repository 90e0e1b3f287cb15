using System.Diagnostics.Metrics;
using PolicingHub.EventLog;
using PolicingHub.Gateway.Feed;
using PolicingHub.Gateway.Projections;

namespace PolicingHub.Gateway.Diagnostics;

/// <summary>
/// The gateway's own instruments (meter <see cref="MeterName"/>): commands by outcome, and how far the read-model
/// projector and the console feed trail the log's head (as last rung by the doorbell). Orleans' meters already cover
/// grain calls and activations, the event log's cover appends and batch sizes.
/// </summary>
internal sealed class GatewayInstruments : IDisposable
{
    public const string MeterName = "PolicingHub.Gateway";

    private readonly Counter<long> _commands;
    private readonly IDisposable _subscription;
    private long _head;

    public GatewayInstruments(IMeterFactory meters, IEventLogDoorbell doorbell, ReadModelProjector projector, ConsoleFeed feed)
    {
        var meter = meters.Create(MeterName);
        _commands = meter.CreateCounter<long>("policinghub.commands", "{command}", "Commands by outcome (accepted, refused)");
        meter.CreateObservableGauge("policinghub.log.head", () => Volatile.Read(ref _head), "{position}", "The log's last committed position the doorbell announced");
        meter.CreateObservableGauge("policinghub.projector.lag", () => Math.Max(0, Volatile.Read(ref _head) - projector.Position), "{event}",
            "Events committed but not yet in the read models");
        meter.CreateObservableGauge("policinghub.feed.lag", () => Math.Max(0, Volatile.Read(ref _head) - feed.ProcessedPosition), "{event}",
            "Events committed but not yet offered to live consoles");
        meter.CreateObservableGauge("policinghub.feed.connections", () => feed.ConnectionCount, "{connection}", "Console connections on this silo");
        _subscription = doorbell.Subscribe(position =>
        {
            long seen;
            while ((seen = Volatile.Read(ref _head)) < position && Interlocked.CompareExchange(ref _head, position, seen) != seen)
            {
            }
        });
    }

    public void CommandAccepted()
    {
        if (_commands.Enabled)
        {
            _commands.Add(1, new KeyValuePair<string, object?>("outcome", "accepted"));
        }
    }

    public void CommandRefused()
    {
        if (_commands.Enabled)
        {
            _commands.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
        }
    }

    public void Dispose() => _subscription.Dispose();
}
