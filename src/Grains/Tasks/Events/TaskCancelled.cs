using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The task was cancelled.</summary>
[GenerateSerializer, Immutable, Alias("task.cancelled")]
public sealed record TaskCancelled(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] AgencyCode Assignee,
    [property: Id(2)] string Reason);
