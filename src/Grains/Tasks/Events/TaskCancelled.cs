using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The task was cancelled.</summary>
[EventName("task.cancelled")]
public sealed record TaskCancelled(
    TaskId Task,
    AgencyCode Assignee,
    string Reason);
