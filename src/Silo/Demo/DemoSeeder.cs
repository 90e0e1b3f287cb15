using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.EventSourcing;

namespace PolicingHub.Silo.Demo;

/// <summary>
/// Loads <see cref="DemoData"/> idempotently: what exists is skipped, what is half done (an agreement still in draft,
/// a task not yet at its target state) is taken the rest of the way. Running it twice creates nothing the second time.
/// </summary>
internal sealed class DemoSeeder(IGrainFactory grains, TimeProvider time)
{
    /// <returns>How many steps changed something, and how many items were already in place.</returns>
    public async Task<(int Created, int Skipped)> SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var created = 0;
        var skipped = 0;
        void Count(int changes)
        {
            if (changes > 0)
            {
                created += changes;
            }
            else
            {
                skipped++;
            }
        }

        foreach (var agency in DemoData.Agencies())
        {
            cancellationToken.ThrowIfCancellationRequested();
            Count(await SeedAgencyAsync(agency).ConfigureAwait(false));
        }
        foreach (var agreement in DemoData.Agreements(now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Count(await SeedAgreementAsync(agreement).ConfigureAwait(false));
        }
        foreach (var task in DemoData.Tasks(now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Count(await SeedTaskAsync(task, now).ConfigureAwait(false));
        }
        return (created, skipped);
    }

    private async Task<int> SeedAgencyAsync(DemoAgency agency)
    {
        var grain = grains.GetGrain<IAgencyGrain>(agency.Code.Value);
        if (await grain.IsRegistered().ConfigureAwait(false))
        {
            return 0;
        }
        await grain.Register(agency.Register).ConfigureAwait(false);
        return 1;
    }

    private async Task<int> SeedAgreementAsync(DemoAgreement agreement)
    {
        var grain = grains.GetGrain<IAgreementGrain>(agreement.Id.Value);
        var changes = 0;
        var view = await NotFound.OrNull(grain.Get()).ConfigureAwait(false);
        if (view is null)
        {
            view = await grain.Draft(agreement.Draft).ConfigureAwait(false);
            changes++;
        }
        if (view.Status == AgreementStatus.Draft)
        {
            view = await grain.Sign(agreement.Sign).ConfigureAwait(false);
            changes++;
        }
        if (view.Status == AgreementStatus.Signed)
        {
            view = await grain.Activate(new ChangeAgreementStatus(DemoData.Coordinator, "Demo: in force")).ConfigureAwait(false);
            changes++;
        }
        foreach (var commitment in agreement.Commitments.Where(c => !view.Commitments.Any(existing => existing.Text == c.Text)))
        {
            await grain.AddCommitment(commitment).ConfigureAwait(false);
            changes++;
        }
        return changes;
    }

    private async Task<int> SeedTaskAsync(DemoTask task, DateTimeOffset now)
    {
        var grain = grains.GetGrain<ICooperationTaskGrain>(task.Id.Value);
        var changes = 0;
        var view = await NotFound.OrNull(grain.Get()).ConfigureAwait(false);
        if (view is null)
        {
            view = await grain.Assign(task.Assign).ConfigureAwait(false);
            changes++;
        }
        var assignee = new Actor(DemoData.Subject, ActorRole.Partner, view.Assignee.Value);
        while (view.Status != task.Target && Next(grain, view.Status, assignee, task, now) is { } step)
        {
            view = await step.ConfigureAwait(false);
            changes++;
        }
        return changes;
    }

    /// <summary>The assignee's next step along Assigned → Acknowledged → Accepted → InProgress → Completed; null at the end.</summary>
    private static Task<TaskView>? Next(ICooperationTaskGrain grain, CooperationTaskStatus status, Actor assignee, DemoTask task, DateTimeOffset now) =>
        status switch
        {
            CooperationTaskStatus.Assigned => grain.Acknowledge(new AcknowledgeTask(assignee, task.Officer, now.AddDays(2))),
            CooperationTaskStatus.Acknowledged => grain.Accept(new AcceptTask(assignee)),
            CooperationTaskStatus.Accepted => grain.PostUpdate(new PostTaskUpdate(assignee, "Enquiries under way; first results expected this week.")),
            CooperationTaskStatus.InProgress => grain.Complete(new CompleteTask(assignee, "Findings shared with the requesting agency.")),
            _ => null,
        };
}
