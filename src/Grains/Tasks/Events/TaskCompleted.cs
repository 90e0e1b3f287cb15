using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The task was completed.</summary>
[GenerateSerializer, Immutable, Alias("task.completed")]
public sealed record TaskCompleted(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] AgencyCode Assignee,
    [property: Id(2)] string Outcome,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] bool OnTime);
