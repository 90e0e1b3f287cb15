using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;
using PolicingHub.Runtime;
using PolicingHub.Runtime.Storage;

namespace PolicingHub.Grains.Tests.Agreements;

/// <summary>What the agreement stores about requests: counters and the open requests, so its state does not grow with answered ones.</summary>
public sealed class RequestRecordingTests
{
    private static readonly AgencyCode Kr = Hub.Code(Hub.Knpa);
    private static readonly AgencyCode Jp = Hub.Code(Hub.Npa);
    private static readonly AgencyCode Ca = Hub.Code(Hub.Rcmp);

    [Fact]
    public async Task The_stored_agreement_does_not_grow_as_answered_requests_accumulate()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();

        await AnsweredTasks(silo, 1, 10);
        var after10 = await StoredLength(silo, Hub.KrJp);
        await AnsweredTasks(silo, 11, 300);
        var after300 = await StoredLength(silo, Hub.KrJp);

        Assert.True(after300 < after10 + 16, $"stored agreement: {after10} B after 10 answered requests, {after300} B after 300");
        var scorecard = (await agreement.Get()).Scorecard;
        Assert.Equal(100.0, scorecard.OnTimePercent);
        Assert.Equal([new PartyCounts(Kr, 300, 0, 0), new PartyCounts(Jp, 0, 300, 300)], scorecard.Parties.Items());
        var stored = await silo.StoredState<AgreementState>("agreement", Hub.KrJp, "agreement");
        Assert.Empty(stored.OpenRequests);
        Assert.Equal([new RequestCounts(Kr, 300, 0, 0, 0), new RequestCounts(Jp, 0, 300, 300, 300)], stored.RequestCounts.Items());
    }

    [Fact]
    public async Task Open_requests_are_stored_until_answered_and_then_only_counted()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();
        await AnsweredTasks(silo, 0, 0);
        var one = await StoredLength(silo, Hub.KrJp);
        var ids = Enumerable.Range(1, 50).Select(i => TaskId.Parse($"T-{i:D4}")).ToList();
        foreach (var id in ids)
        {
            await silo.Task(id.Value).Assign(Hub.Assign());
        }
        var open = await StoredLength(silo, Hub.KrJp);
        var stored = await silo.StoredState<AgreementState>("agreement", Hub.KrJp, "agreement");
        Assert.Equal([new OpenRequests(Kr, Jp, [.. ids])], stored.OpenRequests, SameOpenRequests);

        foreach (var id in ids)
        {
            await Answer(silo, silo.Task(id.Value));
        }

        var answered = await StoredLength(silo, Hub.KrJp);
        Assert.True(open > one + 50 * 7, $"50 open requests: {one} → {open} B");
        Assert.True(answered < one + 16, $"51 answered: {answered} B, 1 answered: {one} B");
    }

    [Fact]
    public async Task Repeated_request_and_answer_reports_change_nothing()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement(Hub.Trilateral, [Hub.Knpa, Hub.Npa, Hub.Rcmp]);
        var t1 = TaskId.Parse("T-1");
        await agreement.RecordRequest(t1, Kr, Jp);
        var etag = await StoredETag(silo, Hub.Trilateral);
        var mark = await silo.Mark();

        await agreement.RecordRequest(t1, Kr, Jp);
        Assert.Equal(etag, await StoredETag(silo, Hub.Trilateral));

        await agreement.RecordRequest(t1, Kr, Ca); // reassigned: the request moves to CA-RCMP
        await agreement.RecordRequest(t1, Kr, Ca);
        Assert.Equal([new PartyCounts(Kr, 1, 0, 0), new PartyCounts(Jp, 0, 0, 0), new PartyCounts(Ca, 0, 1, 0)], (await agreement.Get()).Scorecard.Parties.Items());

        await agreement.RecordAnswer(t1, Ca, false);
        var answeredETag = await StoredETag(silo, Hub.Trilateral);
        await agreement.RecordAnswer(t1, Ca, true);
        await agreement.RecordAnswer(TaskId.Parse("T-404"), Jp, true); // never requested: nothing to count
        await agreement.RecordWithdrawal(t1); // answered: nothing open to withdraw
        Assert.Equal(answeredETag, await StoredETag(silo, Hub.Trilateral));

        var scorecard = (await agreement.Get()).Scorecard;
        Assert.Equal(0.0, scorecard.OnTimePercent);
        Assert.Equal([new PartyCounts(Kr, 1, 0, 0), new PartyCounts(Jp, 0, 0, 0), new PartyCounts(Ca, 0, 1, 1)], scorecard.Parties.Items());
        Assert.Equal(["agreement.scorecard-changed", "agreement.scorecard-changed"], [.. (await silo.EventsSince(mark)).Select(e => e[(e.IndexOf(':') + 1)..])]);
    }

    [Fact]
    public async Task A_cancelled_task_stays_counted_as_unanswered_but_is_no_longer_stored_as_open()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        var task = silo.Task("T-1");
        await task.Assign(Hub.Assign());
        var mark = await silo.Mark();

        await task.Cancel(new CancelTask(Actors.Coordinator, "withdrawn by requester"));
        var etag = await StoredETag(silo, Hub.KrJp);
        await agreement.RecordWithdrawal(TaskId.Parse("T-1"));

        Assert.Equal(etag, await StoredETag(silo, Hub.KrJp));
        Assert.Empty((await silo.StoredState<AgreementState>("agreement", Hub.KrJp, "agreement")).OpenRequests);
        var scorecard = (await agreement.Get()).Scorecard;
        Assert.Null(scorecard.OnTimePercent);
        Assert.Equal([new PartyCounts(Kr, 1, 0, 0), new PartyCounts(Jp, 0, 1, 0)], scorecard.Parties.Items());
        Assert.DoesNotContain(await silo.EventsSince(mark), e => e.StartsWith("agreement/", StringComparison.Ordinal));
    }

    private static async Task AnsweredTasks(DomainSilo silo, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var task = silo.Task($"T-{i:D5}");
            await task.Assign(Hub.Assign());
            await Answer(silo, task);
        }
    }

    private static async Task Answer(DomainSilo silo, ICooperationTaskGrain task)
    {
        await task.Acknowledge(Hub.Acknowledge(silo));
        await task.Accept(new AcceptTask(Actors.Partner(Hub.Npa)));
        await task.Complete(new CompleteTask(Actors.Partner(Hub.Npa), "Located and detained"));
    }

    private static async Task<int> StoredLength(DomainSilo silo, string agreement)
        => (await Stored(silo, agreement)).Payload!.Length;

    private static async Task<string> StoredETag(DomainSilo silo, string agreement) => (await Stored(silo, agreement)).ETag;

    private static async Task<StoredState> Stored(DomainSilo silo, string agreement)
        => await silo.Services.GetRequiredService<IGrainStorage>().ReadAsync(new GrainId("agreement", agreement), "agreement")
           ?? throw new InvalidOperationException($"agreement {agreement} was never stored");

    private static readonly IEqualityComparer<OpenRequests> SameOpenRequests = EqualityComparer<OpenRequests>.Create(
        (a, b) => a!.Requester == b!.Requester && a.Assignee == b.Assignee && a.Tasks.SequenceEqual(b.Tasks),
        o => HashCode.Combine(o.Requester, o.Assignee));
}
