using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>An agreement was activated, suspended, resumed, terminated or expired.</summary>
[GenerateSerializer, Immutable, Alias("agreement.status-changed")]
public sealed record AgreementStatusChanged(
    [property: Id(0)] AgreementId Agreement,
    [property: Id(1)] AgreementStatus From,
    [property: Id(2)] AgreementStatus To,
    [property: Id(3)] string? Reason,
    [property: Id(4)] ImmutableArray<AgencyCode> Parties);
