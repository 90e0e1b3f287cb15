using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agreements;

/// <summary>Commitment due dates run on Orleans reminders; the silo's reminder clock is the hand-moved one.</summary>
public sealed class CommitmentOverdueTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task An_unfulfilled_commitment_goes_overdue_by_reminder_at_its_due_time()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        var added = await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));

        await hub.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        var secondBefore = (await agreement.Get()).Commitments[0].Status;
        var mark = await hub.Mark();
        await hub.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(CommitmentStatus.Open, secondBefore);
        Assert.Equal(CommitmentStatus.Overdue, (await agreement.Get()).Commitments[0].Status);
        Assert.Equal([$"agreement/{hub.KrJp}:commitment.overdue"], await hub.RecordsSince(mark));
        var overdue = (await hub.Events($"agreement/{hub.KrJp}"))[^1].Data;
        Assert.Equal(1, overdue.GetProperty("commitment").GetInt32());
        Assert.Equal(hub.Npa, overdue.GetProperty("responsibleParty").GetString());
        Assert.Equal(added.DueAt, overdue.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_commitment_due_beyond_one_reminder_step_goes_overdue_at_its_due_time()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(45))); // reached in two steps (30 days at most each)

        await hub.Advance(TimeSpan.FromDays(45) - TimeSpan.FromMinutes(1));
        var minuteBefore = (await agreement.Get()).Commitments[0].Status;
        await hub.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(CommitmentStatus.Open, minuteBefore);
        Assert.Equal(CommitmentStatus.Overdue, (await agreement.Get()).Commitments[0].Status);
        Assert.Single(await hub.EventTypes($"agreement/{hub.KrJp}"), t => t == "commitment.overdue");
    }

    [Fact]
    public async Task Fulfilling_an_overdue_commitment_closes_it_late()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        await hub.Advance(TimeSpan.FromDays(31));

        var fulfilled = await agreement.Fulfil(new FulfilCommitment(Actors.Partner(hub.Npa), 1, "Indicators shared via the 24/7 network"));

        Assert.Equal(CommitmentStatus.Fulfilled, fulfilled.Status);
        Assert.Equal(hub.Now, fulfilled.ClosedAt);
        Assert.Equal([new ProgressNote(hub.Now, $"liaison-{hub.Npa.ToLowerInvariant()}", "Indicators shared via the 24/7 network")], fulfilled.Progress.Items());
        Assert.Equal(["commitment.added", "commitment.overdue", "commitment.progress-reported", "commitment.fulfilled"],
            (await hub.EventTypes($"agreement/{hub.KrJp}")).Skip(4));
        var evt = (await hub.Events($"agreement/{hub.KrJp}"))[^1].Data;
        Assert.False(evt.GetProperty("onTime").GetBoolean());
    }

    [Fact]
    public async Task A_commitment_fulfilled_in_time_never_goes_overdue()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        await hub.Advance(TimeSpan.FromDays(10));

        await agreement.ReportProgress(new ReportCommitmentProgress(Actors.Partner(hub.Npa), 1, "Half of the indicators shared"));
        await agreement.Fulfil(new FulfilCommitment(Actors.Coordinator, 1, null));
        await hub.Advance(TimeSpan.FromDays(30));

        var commitment = (await agreement.Get()).Commitments[0];
        Assert.Equal(CommitmentStatus.Fulfilled, commitment.Status);
        Assert.Equal([new ProgressNote(hub.Now.AddDays(-30), $"liaison-{hub.Npa.ToLowerInvariant()}", "Half of the indicators shared")], commitment.Progress.Items());
        Assert.DoesNotContain("commitment.overdue", await hub.EventTypes($"agreement/{hub.KrJp}"));
        Assert.True((await hub.Events($"agreement/{hub.KrJp}"))[^1].Data.GetProperty("onTime").GetBoolean());
    }

    [Fact]
    public async Task A_waived_commitment_never_goes_overdue()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(5)));
        await agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "superseded"));
        var mark = await hub.Mark();

        await hub.Advance(TimeSpan.FromDays(6));

        Assert.Equal(CommitmentStatus.Waived, (await agreement.Get()).Commitments[0].Status);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task A_commitment_due_while_suspended_goes_overdue_once_the_agreement_resumes()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(5)));
        await agreement.Suspend(Hub.Change("review"));

        await hub.Advance(TimeSpan.FromDays(6));
        var whileSuspended = (await agreement.Get()).Commitments[0].Status;
        await agreement.Resume(Hub.Change());
        await hub.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(CommitmentStatus.Open, whileSuspended);
        Assert.Equal(CommitmentStatus.Overdue, (await agreement.Get()).Commitments[0].Status);
    }

    [Fact]
    public async Task Terminating_an_agreement_stops_its_commitments_going_overdue()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(5)));
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(40)));
        await hub.Advance(TimeSpan.FromDays(6));

        await agreement.Terminate(Hub.Change("ended"));
        var mark = await hub.Mark();
        await hub.Advance(TimeSpan.FromDays(45));

        Assert.Equal([CommitmentStatus.Overdue, CommitmentStatus.Open], (await agreement.Get()).Commitments.Select(c => c.Status));
        Assert.Empty(await hub.RecordsSince(mark));
    }
}
