using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.EventSourcing;

/// <summary>DESIGN §4.1: a call that fails appended nothing; the grain starts again from the log.</summary>
public sealed class StoreFailureTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task A_store_error_during_the_append_reaches_the_caller_nothing_is_applied_and_the_next_call_works()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);
        var agency = hub.Agency(hub.Npa);
        var stream = $"agency/{hub.Npa}";
        var mark = await hub.Mark();
        silo.Faults.FailNextAppendTo(stream);

        await Assert.ThrowsAnyAsync<Exception>(() => agency.SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null)));
        var afterFailure = await agency.Get();
        var recordsAfterFailure = await hub.RecordsSince(mark);
        var retried = await agency.SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null));

        Assert.Equal(Readiness.Normal, afterFailure.Presence.Readiness);
        Assert.Empty(recordsAfterFailure);
        Assert.Equal(Readiness.Elevated, retried.Presence.Readiness);
        Assert.Equal([$"{stream}:agency.status-changed", $"{stream}:command.accepted"], await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task A_store_error_reaches_the_caller_with_the_stores_message_and_its_outcome()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);
        var stream = $"agency/{hub.Npa}";
        silo.Faults.FailNextAppendTo(stream);

        var error = await Assert.ThrowsAsync<StoreFailedException>(
            () => hub.Agency(hub.Npa).SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null)));

        Assert.Contains($"injected store failure appending to {stream}", error.Message, StringComparison.Ordinal);
        Assert.False(error.OutcomeUnknown); // the log said nothing was written
    }

    [Fact]
    public async Task A_reminders_store_error_leaves_the_reminder_to_try_again_at_its_next_tick()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        await task.Assign(hub.Assign());
        silo.Faults.FailNextAppendTo($"task/{id}");

        await hub.Advance(TimeSpan.FromHours(8));
        var afterFailedTick = await task.Get();
        await hub.Advance(TimeSpan.FromHours(8));

        Assert.Equal(0, afterFailedTick.EscalationLevel);
        Assert.Equal(1, (await task.Get()).EscalationLevel);
        Assert.Equal(["task.assigned", "task.escalated"], await hub.EventTypes($"task/{id}"));
    }
}
