using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agreements;

public sealed class CommitmentTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task Commitments_are_numbered_from_one_and_each_is_one_append_to_the_agreement()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        var stream = $"agreement/{hub.KrJp}";
        var mark = await hub.Mark();

        var first = await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        var second = await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(60), hub.Knpa, CooperationArea.EconomicSecurity, "Exchange leakage cases"));

        Assert.Equal(Json.Of(new CommitmentView(1, CooperationArea.Cyberspace, "Share indicators of compromise", Hub.Code(hub.Npa), hub.Now.AddDays(30),
            CommitmentStatus.Open, null, [])), Json.Of(first));
        Assert.Equal(Json.Of(new CommitmentView(2, CooperationArea.EconomicSecurity, "Exchange leakage cases", Hub.Code(hub.Knpa), hub.Now.AddDays(60),
            CommitmentStatus.Open, null, [])), Json.Of(second));
        Assert.Equal([$"{stream}:commitment.added", $"{stream}:command.accepted", $"{stream}:commitment.added", $"{stream}:command.accepted"],
            await hub.RecordsSince(mark));
        Assert.Equal([1, 2], (await agreement.Get()).Commitments.Select(c => c.Number));
    }

    [Fact]
    public async Task A_commitment_can_be_added_to_a_signed_agreement_but_not_to_a_draft_or_suspended_one()
    {
        var hub = silo.NewHub();
        var agreement = await AgreementLifecycleTests.AgreementIn(hub, AgreementStatus.Draft);

        var onDraft = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30))));
        await agreement.Sign(hub.Sign(hub.Knpa, hub.Npa));
        var onSigned = await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        await agreement.Activate(Hub.Change());
        await agreement.Suspend(Hub.Change("review"));
        var onSuspended = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30))));

        Assert.Equal($"agreement {hub.KrJp} is Draft; cannot add a commitment", onDraft.Message);
        Assert.Equal(1, onSigned.Number);
        Assert.Equal($"agreement {hub.KrJp} is Suspended; cannot add a commitment", onSuspended.Message);
        Assert.Single((await agreement.Get()).Commitments);
    }

    [Fact]
    public async Task Adding_a_commitment_checks_area_party_text_due_date_and_role()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await hub.RegisterAgencies(hub.Rcmp);
        var now = hub.Now;
        var mark = await hub.Mark();

        var area = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(1), area: CooperationArea.Drugs)));
        var party = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(1), hub.Rcmp)));
        var text = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(1), text: "")));
        var due = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.AddCommitment(hub.Commitment(TimeSpan.Zero)));
        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(1)) with { Actor = Actors.Partner(hub.Npa) }));

        Assert.Equal($"area: Drugs is not an area of agreement {hub.KrJp}", area.Message);
        Assert.Equal($"responsibleParty: {hub.Rcmp} is not a party to agreement {hub.KrJp}", party.Message);
        Assert.Equal("text: must not be empty", text.Message);
        Assert.Equal($"dueAt: must be in the future (was {now:O}, now {now:O})", due.Message);
        Assert.Equal("only coordinators may add commitments", partner.Message);
        Assert.Empty((await agreement.Get()).Commitments);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Only_a_coordinator_or_the_responsible_partys_partner_reports_progress_or_fulfils()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        var mark = await hub.Mark();

        var otherParty = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Partner(hub.Knpa), 1, null)));
        var progress = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.ReportProgress(new ReportCommitmentProgress(Actors.Partner(hub.Knpa), 1, "done")));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Operator, 1, null)));
        var waive = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Waive(new WaiveCommitment(Actors.Partner(hub.Npa), 1, "not needed")));

        var knpaDesk = $"liaison-{hub.Knpa.ToLowerInvariant()}";
        Assert.Equal($"{knpaDesk} acts for {hub.Knpa}, not {hub.Npa}", otherParty.Message);
        Assert.Equal($"{knpaDesk} acts for {hub.Knpa}, not {hub.Npa}", progress.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not fulfil commitments", @operator.Message);
        Assert.Equal("only coordinators may waive commitments", waive.Message);
        Assert.Equal(CommitmentStatus.Open, (await agreement.Get()).Commitments[0].Status);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Reporting_progress_adds_a_dated_note_by_its_author()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        await hub.Advance(TimeSpan.FromDays(2));

        var view = await agreement.ReportProgress(new ReportCommitmentProgress(Actors.Partner(hub.Npa), 1, "Half of the indicators shared"));

        Assert.Equal(CommitmentStatus.Open, view.Status);
        Assert.Equal([new ProgressNote(hub.Now, $"liaison-{hub.Npa.ToLowerInvariant()}", "Half of the indicators shared")], view.Progress.Items());
        Assert.Equal("commitment.progress-reported", (await hub.Events($"agreement/{hub.KrJp}"))[^1].Type);
    }

    [Fact]
    public async Task Fulfilling_with_a_note_appends_the_progress_note_then_the_fulfilment_in_one_append()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        var stream = $"agreement/{hub.KrJp}";
        var before = (await hub.Records(stream)).Count;
        var mark = await hub.Mark();

        var view = await agreement.Fulfil(new FulfilCommitment(Actors.Partner(hub.Npa), 1, "Indicators shared via the 24/7 network"));

        var appended = await hub.LoggedSince(mark);
        Assert.Equal(["commitment.progress-reported", "commitment.fulfilled", "command.accepted"], appended.Select(e => e.Type));
        Assert.Equal([before + 1L, before + 2L, before + 3L], appended.Select(e => e.Sequence));
        Assert.Equal([mark + 1, mark + 2, mark + 3], appended.Select(e => e.Position));
        Assert.Equal(CommitmentStatus.Fulfilled, view.Status);
        Assert.Equal(hub.Now, view.ClosedAt);
        Assert.Equal([new ProgressNote(hub.Now, $"liaison-{hub.Npa.ToLowerInvariant()}", "Indicators shared via the 24/7 network")], view.Progress.Items());
        var fulfilled = appended[1].Data;
        Assert.Equal(1, fulfilled.GetProperty("commitment").GetInt32());
        Assert.Equal(hub.Now, fulfilled.GetProperty("at").GetDateTimeOffset());
        Assert.True(fulfilled.GetProperty("onTime").GetBoolean());
    }

    [Fact]
    public async Task Fulfilling_without_a_note_appends_only_the_fulfilment()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        var mark = await hub.Mark();

        var view = await agreement.Fulfil(new FulfilCommitment(Actors.Coordinator, 1, " "));

        Assert.Equal([$"agreement/{hub.KrJp}:commitment.fulfilled"], await hub.EventsSince(mark));
        Assert.Empty(view.Progress);
    }

    [Fact]
    public async Task Waiving_records_the_reason_and_when()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        await hub.Advance(TimeSpan.FromDays(1));
        var mark = await hub.Mark();

        var view = await agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "superseded by the working group"));

        Assert.Equal(CommitmentStatus.Waived, view.Status);
        Assert.Equal(hub.Now, view.ClosedAt);
        Assert.Equal([$"agreement/{hub.KrJp}:commitment.waived"], await hub.EventsSince(mark));
        var waived = (await hub.Events($"agreement/{hub.KrJp}"))[^1].Data;
        Assert.Equal("superseded by the working group", waived.GetProperty("reason").GetString());
        Assert.Equal(hub.Now, waived.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_closed_or_unknown_commitment_cannot_change_again()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        var noReason = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "")));
        await agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "superseded by the working group"));
        var mark = await hub.Mark();

        var fulfil = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Partner(hub.Npa), 1, null)));
        var waive = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "again")));
        var progress = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.ReportProgress(new ReportCommitmentProgress(Actors.Coordinator, 1, "late news")));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Coordinator, 9, null)));

        Assert.Equal("reason: must not be empty", noReason.Message);
        Assert.Equal($"commitment 1 of agreement {hub.KrJp} is Waived; cannot fulfil it", fulfil.Message);
        Assert.Equal($"commitment 1 of agreement {hub.KrJp} is Waived; cannot waive it", waive.Message);
        Assert.Equal($"commitment 1 of agreement {hub.KrJp} is Waived; cannot report progress on it", progress.Message);
        Assert.Equal($"commitment 9 of agreement {hub.KrJp} does not exist", unknown.Message);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Theory]
    [InlineData(AgreementStatus.Suspended)]
    [InlineData(AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Expired)]
    public async Task No_commitment_changes_under_an_agreement_that_is_not_in_force(AgreementStatus status)
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        _ = status switch
        {
            AgreementStatus.Suspended => await agreement.Suspend(Hub.Change("review")),
            AgreementStatus.Terminated => await agreement.Terminate(Hub.Change("ended")),
            _ => await agreement.Expire(Hub.Change()),
        };
        var mark = await hub.Mark();

        var fulfil = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.Fulfil(new FulfilCommitment(Actors.Partner(hub.Npa), 1, null)));
        var progress = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.ReportProgress(new ReportCommitmentProgress(Actors.Partner(hub.Npa), 1, "x")));
        var waive = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.Waive(new WaiveCommitment(Actors.Coordinator, 1, "x")));
        var add = await Assert.ThrowsAsync<InvalidTransitionException>(() => agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(3))));

        Assert.Equal($"agreement {hub.KrJp} is {status}; cannot fulfil a commitment", fulfil.Message);
        Assert.Equal($"agreement {hub.KrJp} is {status}; cannot report progress on a commitment", progress.Message);
        Assert.Equal($"agreement {hub.KrJp} is {status}; cannot waive a commitment", waive.Message);
        Assert.Equal($"agreement {hub.KrJp} is {status}; cannot add a commitment", add.Message);
        Assert.Empty(await hub.RecordsSince(mark));
    }
}
