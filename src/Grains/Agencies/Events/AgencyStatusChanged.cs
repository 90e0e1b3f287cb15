using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies.Events;

/// <summary>An agency's live status changed (consoles, readiness, open tasks, overdue commitments).</summary>
[EventName("agency.status-changed")]
public sealed record AgencyStatusChanged(
    AgencyCode Agency,
    AgencyLiveStatus Status);
