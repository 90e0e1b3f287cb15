using System.Collections.Immutable;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agreements;

/// <summary>The stored state of an agreement grain. <see cref="Exists"/> is false until it is drafted.</summary>
public sealed record AgreementState
{
    public bool Exists { get; init; }

    public string Title { get; init; } = "";

    public ImmutableArray<AgencyCode> Parties { get; init; } = [];

    public ImmutableArray<CooperationArea> Areas { get; init; } = [];

    public ImmutableArray<ResponseClause> ResponseClauses { get; init; } = [];

    public AgreementStatus Status { get; init; }

    public DateOnly? SignedOn { get; init; }

    public ImmutableArray<Signatory> Signatories { get; init; } = [];

    public DateOnly? ExpiresOn { get; init; }

    public ImmutableArray<CommitmentView> Commitments { get; init; } = [];

    /// <summary>Numbers of the commitments that ever went overdue (each counts once as closed late on the scorecard).</summary>
    public ImmutableArray<int> WentOverdue { get; init; } = [];

    /// <summary>Request counters per agency (sent, received, answered, answered on time): what the scorecard counts.</summary>
    public ImmutableArray<RequestCounts> RequestCounts { get; init; } = [];

    /// <summary>The requests not answered yet, grouped by requester and assignee; answered requests are only counted.</summary>
    public ImmutableArray<OpenRequests> OpenRequests { get; init; } = [];
}
