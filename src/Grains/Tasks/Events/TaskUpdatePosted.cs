using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>An update was posted on the task.</summary>
[GenerateSerializer, Immutable, Alias("task.update-posted")]
public sealed record TaskUpdatePosted(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] AgencyCode Assignee,
    [property: Id(2)] TaskUpdate Update,
    [property: Id(3)] CooperationTaskStatus Status);
