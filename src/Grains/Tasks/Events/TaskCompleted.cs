using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The task was completed.</summary>
[EventName("task.completed")]
public sealed record TaskCompleted(
    TaskId Task,
    AgencyCode Assignee,
    string Outcome,
    DateTimeOffset At,
    bool OnTime);
