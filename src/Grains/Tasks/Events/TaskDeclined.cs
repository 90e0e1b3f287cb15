using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The assignee declined the task.</summary>
[EventName("task.declined")]
public sealed record TaskDeclined(
    TaskId Task,
    AgencyCode Assignee,
    string Reason);
