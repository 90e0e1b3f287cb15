using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agreements;

public sealed class CommitmentTests
{
    private const string Stream = "agreement/MOU-KR-JP-2026";

    [Fact]
    public async Task Commitments_are_numbered_from_one_and_the_scorecard_changes_only_when_the_next_due_moves()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        var mark = await silo.Mark();

        var first = await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30)));
        var second = await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(60), Hub.Knpa, CooperationArea.EconomicSecurity, "Exchange leakage cases"));

        Assert.Equal(new CommitmentView(1, CooperationArea.Cyberspace, "Share indicators of compromise", Hub.Code(Hub.Npa), silo.Now.AddDays(30),
            CommitmentStatus.Open, null, []), first with { Progress = [] });
        Assert.Equal(2, second.Number);
        Assert.Equal(CommitmentStatus.Open, second.Status);
        Assert.Equal([$"{Stream}:commitment.added", $"{Stream}:agreement.scorecard-changed", $"{Stream}:commitment.added"], await silo.EventsSince(mark));
        var scorecard = (await agreement.Get()).Scorecard;
        Assert.Equal(silo.Now.AddDays(30), scorecard.NextDue);
        Assert.Equal(0, scorecard.Overdue);
        Assert.Null(scorecard.OnTimePercent);
    }

    [Fact]
    public async Task A_commitment_can_be_added_to_a_signed_agreement_but_not_to_a_draft_or_suspended_one()
    {
        await using var silo = await DomainSilo.StartAsync();
        var draft = await AgreementLifecycleTests.AgreementIn(silo, AgreementStatus.Draft);

        var onDraft = await Assert.ThrowsAsync<InvalidTransitionException>(() => draft.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30))));
        await draft.Sign(Hub.Sign(silo, Hub.Knpa, Hub.Npa));
        var onSigned = await draft.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30)));
        await draft.Activate(Hub.Change());
        await draft.Suspend(Hub.Change("review"));
        var onSuspended = await Assert.ThrowsAsync<InvalidTransitionException>(() => draft.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30))));

        Assert.Equal("agreement MOU-KR-JP-2026 is Draft; cannot add a commitment", onDraft.Message);
        Assert.Equal(1, onSigned.Number);
        Assert.Equal("agreement MOU-KR-JP-2026 is Suspended; cannot add a commitment", onSuspended.Message);
        Assert.Single((await draft.Get()).Commitments);
    }

    [Fact]
    public async Task Adding_a_commitment_checks_area_party_text_due_date_and_role()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await silo.RegisterAgencies(Hub.Rcmp);
        var now = silo.Now;

        var area = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(1), area: CooperationArea.Drugs)));
        var party = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(1), Hub.Rcmp)));
        var text = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(1), text: "")));
        var due = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.Zero)));
        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(1)) with { Actor = Actors.Partner(Hub.Npa) }));

        Assert.Equal("area: Drugs is not an area of agreement MOU-KR-JP-2026", area.Message);
        Assert.Equal("responsibleParty: CA-RCMP is not a party to agreement MOU-KR-JP-2026", party.Message);
        Assert.Equal("text: must not be empty", text.Message);
        Assert.Equal($"dueAt: must be in the future (was {now:O}, now {now:O})", due.Message);
        Assert.Equal("only coordinators may add commitments", partner.Message);
        Assert.Empty((await agreement.Get()).Commitments);
    }

    [Fact]
    public async Task Only_a_coordinator_or_the_responsible_partys_partner_reports_progress_or_fulfils()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30)));

        var otherParty = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Partner(Hub.Knpa), 1, null)));
        var progress = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.ReportProgress(new ReportCommitmentProgress(Actors.Partner(Hub.Knpa), 1, "done")));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Operator, 1, null)));
        var waive = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Waive(new WaiveCommitment(Actors.Partner(Hub.Npa), 1, "not needed")));

        Assert.Equal("liaison-kr-knpa acts for KR-KNPA, not JP-NPA", otherParty.Message);
        Assert.Equal("liaison-kr-knpa acts for KR-KNPA, not JP-NPA", progress.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not fulfil commitments", @operator.Message);
        Assert.Equal("only coordinators may waive commitments", waive.Message);
        Assert.Equal(CommitmentStatus.Open, (await agreement.Get()).Commitments[0].Status);
    }

    [Fact]
    public async Task A_closed_or_unknown_commitment_cannot_change_again()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30)));
        var noReason = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "")));
        await agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "superseded by the working group"));

        var fulfil = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Partner(Hub.Npa), 1, null)));
        var waive = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "again")));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Coordinator, 9, null)));

        Assert.Equal("commitment 1 of agreement MOU-KR-JP-2026 is Waived; cannot fulfil it", fulfil.Message);
        Assert.Equal("commitment 1 of agreement MOU-KR-JP-2026 is Waived; cannot waive it", waive.Message);
        Assert.Equal("commitment 9 of agreement MOU-KR-JP-2026 does not exist", unknown.Message);
        Assert.Equal("reason: must not be empty", noReason.Message);
        Assert.Null((await agreement.Get()).Scorecard.OnTimePercent);
    }

    [Theory]
    [InlineData(AgreementStatus.Suspended)]
    [InlineData(AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Expired)]
    public async Task No_commitment_changes_under_an_agreement_that_is_not_in_force(AgreementStatus status)
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30)));
        _ = status switch
        {
            AgreementStatus.Suspended => await agreement.Suspend(Hub.Change("review")),
            AgreementStatus.Terminated => await agreement.Terminate(Hub.Change("ended")),
            _ => await agreement.Expire(Hub.Change()),
        };
        var mark = await silo.Mark();

        var fulfil = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Partner(Hub.Npa), 1, null)));
        var progress = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.ReportProgress(new ReportCommitmentProgress(Actors.Partner(Hub.Npa), 1, "x")));
        var waive = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "x")));
        var add = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(3))));

        Assert.Equal($"agreement MOU-KR-JP-2026 is {status}; cannot fulfil a commitment", fulfil.Message);
        Assert.Equal($"agreement MOU-KR-JP-2026 is {status}; cannot report progress on a commitment", progress.Message);
        Assert.Equal($"agreement MOU-KR-JP-2026 is {status}; cannot waive a commitment", waive.Message);
        Assert.Equal($"agreement MOU-KR-JP-2026 is {status}; cannot add a commitment", add.Message);
        Assert.Empty(await silo.EventsSince(mark));
    }
}
