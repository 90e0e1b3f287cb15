using PolicingHub.EventLog;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks.Events;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.EventSourcing;

/// <summary>DESIGN §4.2: single writer per stream — an activation whose stream moved on without it cannot append.</summary>
public sealed class StaleActivationTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task A_stale_activation_loses_the_compare_and_swap_writes_nothing_and_the_next_call_sees_the_other_writers_event()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);
        var agency = hub.Agency(hub.Npa);
        var stream = $"agency/{hub.Npa}";
        await agency.Get(); // the activation holds the stream at sequence 3
        var behindItsBack = await silo.Log.AppendAsync(stream, 3,
            [DomainEvents.Encode(new AgencyStatusChanged(Hub.Code(hub.Npa), new AgencyPresence(0, null, Readiness.Critical)))]);
        Assert.True(behindItsBack.Succeeded);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => agency.SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null)));
        var afterConflict = await hub.RecordTypes(stream);
        var fresh = await agency.Get();
        var retried = await agency.SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null));

        Assert.Equal($"{stream} changed meanwhile (at 4, expected 3); nothing was written — retry", error.Message);
        Assert.Equal(["agency.registered", "agency.status-changed", "command.accepted", "agency.status-changed"], afterConflict);
        Assert.Equal(Readiness.Critical, fresh.Presence.Readiness);
        Assert.Equal(Readiness.Elevated, retried.Presence.Readiness);
        Assert.Equal(6, (await hub.Records(stream)).Count);
    }

    [Fact]
    public async Task A_stale_task_activation_cannot_append_a_step_over_another_writers_event()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        await task.Assign(hub.Assign());
        await task.Get(); // an assignment lets its activation go: a read brings one back, which the append below makes stale
        var cancelled = new TaskCancelled(TaskId.Parse(id), Hub.Code(hub.Npa), "cancelled elsewhere");
        Assert.True((await silo.Log.AppendAsync($"task/{id}", 2, [DomainEvents.Encode(cancelled)])).Succeeded);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => task.Acknowledge(hub.Acknowledge()));
        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => task.Acknowledge(hub.Acknowledge()));

        Assert.Equal($"task {id} is Cancelled; cannot Acknowledge", error.Message);
        Assert.Equal(["task.assigned", "command.accepted", "task.cancelled"], await hub.RecordTypes($"task/{id}"));
    }
}
