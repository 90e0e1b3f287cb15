using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>An agreement was drafted.</summary>
[GenerateSerializer, Immutable, Alias("agreement.drafted")]
public sealed record AgreementDrafted(
    [property: Id(0)] AgreementId Agreement,
    [property: Id(1)] string Title,
    [property: Id(2)] ImmutableArray<AgencyCode> Parties,
    [property: Id(3)] ImmutableArray<CooperationArea> Areas,
    [property: Id(4)] ImmutableArray<ResponseClause> ResponseClauses,
    [property: Id(5)] DateOnly? ExpiresOn);
