using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>An agreement was drafted.</summary>
[EventName("agreement.drafted")]
public sealed record AgreementDrafted(
    AgreementId Agreement,
    string Title,
    ImmutableArray<AgencyCode> Parties,
    ImmutableArray<CooperationArea> Areas,
    ImmutableArray<ResponseClause> ResponseClauses,
    DateOnly? ExpiresOn);
