using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Storage;

/// <summary>What every persistent state shares: the store, serialization, event naming and the doorbell.</summary>
internal sealed record PersistentStateServices(
    IGrainStorage Storage,
    RuntimeJson Json,
    EventTypeRegistry EventTypes,
    IEventBus EventBus,
    TimeProvider Time,
    RuntimeMetrics Metrics);
