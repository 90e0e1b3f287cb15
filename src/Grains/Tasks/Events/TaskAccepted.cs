using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The assignee accepted the task.</summary>
[EventName("task.accepted")]
public sealed record TaskAccepted(
    TaskId Task,
    AgencyCode Assignee);
