using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Drafts an agreement between two or more registered agencies (coordinators only).</summary>
[GenerateSerializer, Immutable, Alias("ph.DraftAgreement")]
public sealed record DraftAgreement(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string Title,
    [property: Id(2)] ImmutableArray<AgencyCode> Parties,
    [property: Id(3)] ImmutableArray<CooperationArea> Areas,
    [property: Id(4)] ImmutableArray<ResponseClause> ResponseClauses,
    [property: Id(5)] DateOnly? ExpiresOn);
