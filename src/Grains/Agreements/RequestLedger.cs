using System.Collections.Immutable;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agreements;

/// <summary>
/// The requests made under an agreement, as the scorecard needs them: counters per agency, plus the open (unanswered)
/// requests with their requester and assignee, so that a request can move to a new assignee and be answered once.
/// Answered requests leave no trace but the counters, so the state grows with the open requests only. Each function
/// returns the same instance when nothing changes.
/// </summary>
internal static class RequestLedger
{
    /// <summary>
    /// A new request, or an open one moving to another assignee (or unchanged: a repeat). An id that is not open counts
    /// as a new request: the task grain reports a request only before it is answered (assign, reassign).
    /// </summary>
    public static AgreementState Record(AgreementState state, TaskId task, AgencyCode requester, AgencyCode assignee)
    {
        var open = Find(state, task);
        if (open is { } o && o.Requester == requester && o.Assignee == assignee)
        {
            return state;
        }
        var counts = state.RequestCounts;
        var groups = state.OpenRequests;
        if (open is { } moved)
        {
            counts = Change(Change(counts, moved.Requester, sent: -1), moved.Assignee, received: -1);
            groups = Remove(groups, moved.Requester, moved.Assignee, task);
        }
        counts = Change(Change(counts, requester, sent: 1), assignee, received: 1);
        groups = Add(groups, requester, assignee, task);
        return state with { RequestCounts = counts, OpenRequests = groups };
    }

    /// <summary>The first answer to an open request counts for <paramref name="assignee"/>; anything else changes nothing.</summary>
    public static AgreementState Answer(AgreementState state, TaskId task, AgencyCode assignee, bool onTime)
    {
        if (Find(state, task) is not { } open)
        {
            return state; // answered already (or never recorded)
        }
        var counts = Change(state.RequestCounts, open.Assignee, received: -1);
        counts = Change(counts, assignee, received: 1, answered: 1, answeredOnTime: onTime ? 1 : 0);
        return state with { RequestCounts = counts, OpenRequests = Remove(state.OpenRequests, open.Requester, open.Assignee, task) };
    }

    /// <summary>A request that will never be answered (its task was cancelled) stops being open; its counts stay as they are.</summary>
    public static AgreementState Withdraw(AgreementState state, TaskId task)
        => Find(state, task) is { } open
            ? state with { OpenRequests = Remove(state.OpenRequests, open.Requester, open.Assignee, task) }
            : state;

    /// <summary>The counters of <paramref name="agency"/>, zero when it has none.</summary>
    public static RequestCounts CountsOf(AgreementState state, AgencyCode agency)
        => state.RequestCounts.FirstOrDefault(c => c.Agency == agency) ?? new RequestCounts(agency, 0, 0, 0, 0);

    private static (AgencyCode Requester, AgencyCode Assignee)? Find(AgreementState state, TaskId task)
    {
        foreach (var group in state.OpenRequests)
        {
            if (group.Tasks.Contains(task))
            {
                return (group.Requester, group.Assignee);
            }
        }
        return null;
    }

    private static ImmutableArray<RequestCounts> Change(ImmutableArray<RequestCounts> counts, AgencyCode agency,
        int sent = 0, int received = 0, int answered = 0, int answeredOnTime = 0)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i].Agency == agency)
            {
                var c = counts[i];
                return counts.SetItem(i, c with
                {
                    Sent = c.Sent + sent,
                    Received = c.Received + received,
                    Answered = c.Answered + answered,
                    AnsweredOnTime = c.AnsweredOnTime + answeredOnTime,
                });
            }
        }
        return counts.Add(new RequestCounts(agency, sent, received, answered, answeredOnTime));
    }

    private static ImmutableArray<OpenRequests> Add(ImmutableArray<OpenRequests> groups, AgencyCode requester, AgencyCode assignee, TaskId task)
    {
        var index = IndexOf(groups, requester, assignee);
        return index < 0
            ? groups.Add(new OpenRequests(requester, assignee, [task]))
            : groups.SetItem(index, groups[index] with { Tasks = groups[index].Tasks.Add(task) });
    }

    private static ImmutableArray<OpenRequests> Remove(ImmutableArray<OpenRequests> groups, AgencyCode requester, AgencyCode assignee, TaskId task)
    {
        var index = IndexOf(groups, requester, assignee);
        var tasks = groups[index].Tasks.Remove(task);
        return tasks.IsEmpty ? groups.RemoveAt(index) : groups.SetItem(index, groups[index] with { Tasks = tasks });
    }

    private static int IndexOf(ImmutableArray<OpenRequests> groups, AgencyCode requester, AgencyCode assignee)
    {
        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i].Requester == requester && groups[i].Assignee == assignee)
            {
                return i;
            }
        }
        return -1;
    }
}
