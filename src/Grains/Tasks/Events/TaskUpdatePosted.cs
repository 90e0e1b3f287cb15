using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>An update was posted on the task.</summary>
[EventName("task.update-posted")]
public sealed record TaskUpdatePosted(
    TaskId Task,
    AgencyCode Assignee,
    TaskUpdate Update,
    CooperationTaskStatus Status);
