using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The task was not acknowledged in time; its escalation level rose.</summary>
[EventName("task.escalated")]
public sealed record TaskEscalated(
    TaskId Task,
    AgencyCode Assignee,
    int Level,
    string Reason);
