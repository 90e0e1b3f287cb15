using System.Collections.Immutable;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agreements;

/// <summary>An agreement folded from its stream. <see cref="Exists"/> is false until it is drafted.</summary>
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

    public AgreementState Apply(object @event) => @event switch
    {
        AgreementDrafted e => this with
        {
            Exists = true, Title = e.Title, Parties = e.Parties, Areas = e.Areas, ResponseClauses = e.ResponseClauses,
            Status = AgreementStatus.Draft, ExpiresOn = e.ExpiresOn,
        },
        AgreementSigned e => this with { SignedOn = e.SignedOn, Signatories = e.Signatories },
        AgreementStatusChanged e => this with { Status = e.To },
        CommitmentAdded e => this with { Commitments = Commitments.Add(e.Commitment) },
        CommitmentProgressReported e => Change(e.Commitment, c => c with { Progress = c.Progress.Add(e.Progress) }),
        CommitmentFulfilled e => Change(e.Commitment, c => c with { Status = CommitmentStatus.Fulfilled, ClosedAt = e.At }),
        CommitmentWaived e => Change(e.Commitment, c => c with { Status = CommitmentStatus.Waived, ClosedAt = e.At }),
        CommitmentOverdue e => Change(e.Commitment, c => c with { Status = CommitmentStatus.Overdue }),
        _ => this,
    };

    private AgreementState Change(int number, Func<CommitmentView, CommitmentView> change)
    {
        var index = Commitments.IndexOf(Commitments.FirstOrDefault(c => c.Number == number)!);
        return index < 0 ? this : this with { Commitments = Commitments.SetItem(index, change(Commitments[index])) };
    }
}
