using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The task was not acknowledged in time; its escalation level rose.</summary>
[GenerateSerializer, Immutable, Alias("task.escalated")]
public sealed record TaskEscalated(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] AgencyCode Assignee,
    [property: Id(2)] int Level,
    [property: Id(3)] string Reason);
