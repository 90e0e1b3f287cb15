using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;
using PolicingHub.Runtime.Storage.InMemory;

namespace PolicingHub.Grains.Tests.Persistence;

public sealed class RestartTests
{
    [Fact]
    public async Task Every_grain_reads_back_the_same_state_after_a_restart_and_its_reminders_still_fire()
    {
        var store = new InMemoryStore();
        string agreementJson, taskJson, agencyJson, directoryJson;
        await using (var before = await DomainSilo.StartAsync(s => s.AddSingleton(store)))
        {
            var agreement = await before.ActiveAgreement(clauses: [new(CooperationArea.Fugitives, Priority.Urgent, TimeSpan.FromHours(6), TimeSpan.FromDays(2))],
                expiresOn: new DateOnly(2030, 1, 1));
            await agreement.AddCommitment(Hub.Commitment(before, TimeSpan.FromDays(3)));
            await before.Task("T-1").Assign(Hub.Assign());
            await before.Agency(Hub.Npa).ConsoleConnected("c1");
            await before.Audit.Append(new("coord-kim", ActorRole.Coordinator, null, "task.assign", "task/T-1", "ok", before.Now));
            agreementJson = before.Json(await agreement.Get());
            taskJson = before.Json(await before.Task("T-1").Get());
            agencyJson = before.Json(await before.Agency(Hub.Npa).Get());
            directoryJson = before.Json(await before.Directory.Get());
        }

        await using var after = await DomainSilo.StartAsync(s => s.AddSingleton(store));

        Assert.Equal(agreementJson, after.Json(await after.Agreement(Hub.KrJp).Get()));
        Assert.Equal(taskJson, after.Json(await after.Task("T-1").Get()));
        Assert.Equal(agencyJson, after.Json(await after.Agency(Hub.Npa).Get()));
        Assert.Equal(directoryJson, after.Json(await after.Directory.Get()));
        Assert.Equal(2L, await after.Audit.Append(new("coord-kim", ActorRole.Coordinator, null, "agreement.get", "agreement/MOU-KR-JP-2026", "ok", after.Now)));
        Assert.True((await after.Audit.Verify()).Valid);

        after.Time.Advance(TimeSpan.FromHours(6));
        await after.WhenEvent("task/T-1", "task.escalated").Within();
        after.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(6));
        await after.WhenEvent("agreement/MOU-KR-JP-2026", "commitment.overdue").Within();
        Assert.Equal(CommitmentStatus.Overdue, (await after.Agreement(Hub.KrJp).Get()).Commitments[0].Status);
    }
}
