using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.EventSourcing;

/// <summary>Idempotency keys travel in Orleans' RequestContext (<see cref="IdempotencyKey.Use"/>); the grain records key, fingerprint and outcome in its command.accepted record.</summary>
public sealed class IdempotencyTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task Repeating_an_assignment_with_the_same_key_returns_the_recorded_task_and_appends_nothing()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var mark = await hub.Mark();

        TaskView first, retry;
        using (IdempotencyKey.Use("assign-T-1"))
        {
            first = await hub.Task(id).Assign(hub.Assign());
        }
        await hub.Advance(TimeSpan.FromMinutes(1));
        using (IdempotencyKey.Use("assign-T-1"))
        {
            retry = await hub.Task(id).Assign(hub.Assign());
        }

        Assert.Equal(Json.Of(first), Json.Of(retry));
        Assert.Equal([$"task/{id}:task.assigned", $"task/{id}:command.accepted"], await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task The_command_record_keeps_the_key_the_fingerprint_and_the_outcome()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var command = hub.Assign();

        TaskView view;
        using (IdempotencyKey.Use("assign-T-1"))
        {
            view = await hub.Task(id).Assign(command);
        }

        var accepted = Assert.Single(await hub.Accepted($"task/{id}"));
        Assert.Equal(("Assign", "coord-kim", ActorRole.Coordinator), (accepted.Command, accepted.Subject, accepted.Role));
        Assert.Null(accepted.Agency);
        Assert.Equal("assign-T-1", accepted.IdempotencyKey);
        Assert.Equal(DomainEvents.Fingerprint("Assign", command), accepted.Fingerprint);
        Assert.Equal(Json.Of(view), Json.Of(DomainEvents.FromJson<TaskView>(accepted.Outcome!.Value)));
    }

    [Fact]
    public async Task A_command_without_a_key_records_no_fingerprint_or_outcome()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");

        await hub.Task(id).Assign(hub.Assign());

        var accepted = Assert.Single(await hub.Accepted($"task/{id}"));
        Assert.Null(accepted.IdempotencyKey);
        Assert.Null(accepted.Fingerprint);
        Assert.Null(accepted.Outcome);
    }

    [Fact]
    public async Task A_retry_after_the_grain_was_deactivated_still_returns_the_recorded_outcome_and_appends_nothing()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        var command = new FulfilCommitment(Actors.Partner(hub.Npa), 1, "done");
        CommitmentView first;
        using (IdempotencyKey.Use("fulfil-1"))
        {
            first = await agreement.Fulfil(command);
        }
        var mark = await hub.Mark();

        await silo.Deactivate(agreement);
        await hub.Advance(TimeSpan.FromHours(1));
        CommitmentView retry;
        using (IdempotencyKey.Use("fulfil-1"))
        {
            retry = await agreement.Fulfil(command);
        }

        Assert.Equal(Json.Of(first), Json.Of(retry));
        Assert.Empty(await hub.RecordsSince(mark));
        Assert.Single((await agreement.Get()).Commitments[0].Progress);
    }

    [Fact]
    public async Task Repeating_a_fulfilment_with_the_same_key_fulfils_once()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        var stream = $"agreement/{hub.KrJp}";
        var mark = await hub.Mark();

        CommitmentView first, retry;
        using (IdempotencyKey.Use("fulfil-1"))
        {
            first = await agreement.Fulfil(new FulfilCommitment(Actors.Partner(hub.Npa), 1, "done"));
            retry = await agreement.Fulfil(new FulfilCommitment(Actors.Partner(hub.Npa), 1, "done"));
        }

        Assert.Equal(Json.Of(first), Json.Of(retry));
        Assert.Equal([$"{stream}:commitment.progress-reported", $"{stream}:commitment.fulfilled", $"{stream}:command.accepted"], await hub.RecordsSince(mark));
        Assert.Single((await agreement.Get()).Commitments[0].Progress);
    }

    [Fact]
    public async Task Repeating_an_agency_registration_with_the_same_key_is_not_a_conflict()
    {
        var hub = silo.NewHub();
        var agency = hub.Agency(hub.Npa);

        AgencyProfile first, retry;
        using (IdempotencyKey.Use("register-npa"))
        {
            first = await agency.Register(Hub.Register("National Police Agency"));
            retry = await agency.Register(Hub.Register("National Police Agency"));
        }

        Assert.Equal(Json.Of(first), Json.Of(retry));
        Assert.Equal(["agency.registered", "agency.status-changed", "command.accepted"], await hub.RecordTypes($"agency/{hub.Npa}"));
    }

    [Fact]
    public async Task The_same_key_with_a_different_command_is_refused_and_appends_nothing()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        using (IdempotencyKey.Use("k-1"))
        {
            await task.Assign(hub.Assign());
        }
        var mark = await hub.Mark();

        IdempotencyKeyReusedException otherContent, otherMethod;
        using (IdempotencyKey.Use("k-1"))
        {
            otherContent = await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => task.Assign(hub.Assign(title: "Another")));
            otherMethod = await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => task.Cancel(new CancelTask(Actors.Coordinator, "withdrawn")));
        }

        Assert.Equal($"idempotency key 'k-1' was already used for a different command on task/{id}", otherContent.Message);
        Assert.Equal(otherContent.Message, otherMethod.Message);
        Assert.Equal(CooperationTaskStatus.Assigned, (await task.Get()).Status);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task The_same_key_is_refused_for_a_different_command_after_the_grain_was_deactivated()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var task = hub.Task(hub.Key("T-1"));
        using (IdempotencyKey.Use("k-1"))
        {
            await task.Assign(hub.Assign());
        }
        await silo.Deactivate(task);
        var mark = await hub.Mark();

        using (IdempotencyKey.Use("k-1"))
        {
            await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => task.Cancel(new CancelTask(Actors.Coordinator, "withdrawn")));
        }

        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task A_key_is_remembered_per_grain()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var (t1, t2) = (hub.Key("T-1"), hub.Key("T-2"));

        using (IdempotencyKey.Use("k-1"))
        {
            await hub.Task(t1).Assign(hub.Assign());
            await hub.Task(t2).Assign(hub.Assign(title: "Another"));
        }

        Assert.Equal("Another", (await hub.Task(t2).Get()).Title);
        Assert.Equal(["task.assigned", "command.accepted"], await hub.RecordTypes($"task/{t2}"));
    }

    [Fact]
    public async Task A_call_outside_the_keys_scope_carries_no_key()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        using (IdempotencyKey.Use("k-1"))
        {
            await hub.Task(id).Assign(hub.Assign());
        }

        await hub.Task(id).Cancel(new CancelTask(Actors.Coordinator, "withdrawn"));

        string?[] keys = ["k-1", null];
        Assert.Equal(keys, (await hub.Accepted($"task/{id}")).Select(a => a.IdempotencyKey));
    }
}
