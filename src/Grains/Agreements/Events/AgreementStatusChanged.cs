using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>An agreement was activated, suspended, resumed, terminated or expired.</summary>
[EventName("agreement.status-changed")]
public sealed record AgreementStatusChanged(
    AgreementId Agreement,
    AgreementStatus From,
    AgreementStatus To,
    string? Reason,
    ImmutableArray<AgencyCode> Parties);
