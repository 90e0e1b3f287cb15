using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Audit.Events;

/// <summary>An audit entry, chained to the previous one by hash.</summary>
[EventName("audit.recorded")]
public sealed record AuditRecorded(
    long Sequence,
    AuditEntry Entry,
    string PreviousHash,
    string Hash);
