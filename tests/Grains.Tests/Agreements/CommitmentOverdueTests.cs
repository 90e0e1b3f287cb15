using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agreements;

public sealed class CommitmentOverdueTests
{
    private const string Stream = "agreement/MOU-KR-JP-2026";

    [Fact]
    public async Task An_unfulfilled_commitment_goes_overdue_by_reminder_and_reaches_the_agency_status_and_the_scorecard()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30)));

        silo.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        var before = (await agreement.Get()).Commitments[0].Status;
        var mark = await silo.Mark();
        silo.Time.Advance(TimeSpan.FromSeconds(1));
        await silo.WhenEvent("agency/JP-NPA", "agency.status-changed", 2).Within();

        Assert.Equal(CommitmentStatus.Open, before);
        Assert.Equal([$"{Stream}:commitment.overdue", $"{Stream}:agreement.scorecard-changed", "agency/JP-NPA:agency.status-changed"], await silo.EventsSince(mark));
        var view = await agreement.Get();
        Assert.Equal(CommitmentStatus.Overdue, view.Commitments[0].Status);
        Assert.Equal(1, view.Scorecard.Overdue);
        Assert.Equal(0.0, view.Scorecard.OnTimePercent);
        Assert.Null(view.Scorecard.NextDue);
        Assert.Equal(1, (await silo.Agency(Hub.Npa).Get()).Status.OverdueCommitments);
        Assert.Equal(0, (await silo.Agency(Hub.Knpa).Get()).Status.OverdueCommitments);
    }

    [Fact]
    public async Task Fulfilling_an_overdue_commitment_is_late_and_clears_the_agencys_overdue_count()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30)));
        // Advance exactly to the due time: jumping far past it while the reminder's call is in flight would expire
        // that call on the fake clock (its 30 s deadline) before it ran, and its retry would lie beyond the jump.
        silo.Time.Advance(TimeSpan.FromDays(30));
        await silo.WhenEvent(Stream, "commitment.overdue").Within();
        silo.Time.Advance(TimeSpan.FromDays(1));

        var fulfilled = await agreement.Fulfil(new FulfilCommitment(Actors.Partner(Hub.Npa), 1, "Indicators shared via the 24/7 network"));

        Assert.Equal(CommitmentStatus.Fulfilled, fulfilled.Status);
        Assert.Equal(silo.Now, fulfilled.ClosedAt);
        Assert.Equal([new ProgressNote(silo.Now, "liaison-jp-npa", "Indicators shared via the 24/7 network")], fulfilled.Progress.Items());
        var evt = (await silo.Events(Stream)).Single(e => e.Type == "commitment.fulfilled").Data;
        Assert.False(evt.GetProperty("onTime").GetBoolean());
        Assert.Equal(0, (await silo.Agency(Hub.Npa).Get()).Status.OverdueCommitments);
        var scorecard = (await agreement.Get()).Scorecard;
        Assert.Equal(0, scorecard.Overdue);
        Assert.Equal(0.0, scorecard.OnTimePercent);
    }

    [Fact]
    public async Task A_commitment_fulfilled_in_time_never_goes_overdue()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30)));
        silo.Time.Advance(TimeSpan.FromDays(10));

        await agreement.ReportProgress(new ReportCommitmentProgress(Actors.Partner(Hub.Npa), 1, "Half of the indicators shared"));
        await agreement.Fulfil(new FulfilCommitment(Actors.Coordinator, 1, null));
        silo.Time.Advance(TimeSpan.FromDays(30));

        var view = await agreement.Get();
        Assert.Equal(CommitmentStatus.Fulfilled, view.Commitments[0].Status);
        Assert.Equal([new ProgressNote(silo.Now.AddDays(-30), "liaison-jp-npa", "Half of the indicators shared")], view.Commitments[0].Progress.Items());
        Assert.Equal(100.0, view.Scorecard.OnTimePercent);
        Assert.DoesNotContain("commitment.overdue", await silo.EventTypes(Stream));
        Assert.Equal(0, (await silo.Agency(Hub.Npa).Get()).Status.OverdueCommitments);
    }

    [Fact]
    public async Task A_commitment_due_while_suspended_goes_overdue_once_the_agreement_resumes()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(5)));
        await agreement.Suspend(Hub.Change("review"));

        silo.Time.Advance(TimeSpan.FromDays(6));
        var whileSuspended = (await agreement.Get()).Commitments[0].Status;
        await agreement.Resume(Hub.Change());
        silo.Time.Advance(TimeSpan.Zero);
        await silo.WhenEvent(Stream, "commitment.overdue").Within();

        Assert.Equal(CommitmentStatus.Open, whileSuspended);
        Assert.Equal(CommitmentStatus.Overdue, (await agreement.Get()).Commitments[0].Status);
        await silo.WhenEvent("agency/JP-NPA", "agency.status-changed", 2).Within();
        Assert.Equal(1, (await silo.Agency(Hub.Npa).Get()).Status.OverdueCommitments);
    }

    [Fact]
    public async Task Terminating_an_agreement_stops_its_overdue_commitments_counting_against_the_party()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(5)));
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(50)));
        silo.Time.Advance(TimeSpan.FromDays(5)); // exactly to the due time (see above)
        await silo.WhenEvent(Stream, "commitment.overdue").Within();
        silo.Time.Advance(TimeSpan.FromDays(1));

        await agreement.Terminate(Hub.Change("ended"));
        silo.Time.Advance(TimeSpan.FromDays(60));

        Assert.Equal(0, (await silo.Agency(Hub.Npa).Get()).Status.OverdueCommitments);
        Assert.Equal(1, (await silo.EventTypes(Stream)).Count(t => t == "commitment.overdue"));
    }
}
