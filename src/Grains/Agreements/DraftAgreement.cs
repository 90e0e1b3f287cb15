using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Drafts an agreement between two or more registered agencies (coordinators only).</summary>
public sealed record DraftAgreement(
    Actor Actor,
    string Title,
    ImmutableArray<AgencyCode> Parties,
    ImmutableArray<CooperationArea> Areas,
    ImmutableArray<ResponseClause> ResponseClauses,
    DateOnly? ExpiresOn);
