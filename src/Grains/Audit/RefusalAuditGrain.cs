using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.EventSourcing;

namespace PolicingHub.Grains.Audit;

/// <summary>The refusals stream: each refusal one append (nothing to validate, so nothing is folded).</summary>
[GrainType("audit")]
public sealed class RefusalAuditGrain : EventSourcedGrain<RefusalAuditGrain.Nothing>, IRefusalAuditGrain
{
    protected override string StreamKind => "audit";

    protected override Nothing Apply(Nothing state, object @event) => state;

    public Task Record(CommandRefused refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return AppendSystemEventsAsync([refusal]);
    }

    /// <summary>The refusals stream keeps no state.</summary>
    public sealed class Nothing;
}
