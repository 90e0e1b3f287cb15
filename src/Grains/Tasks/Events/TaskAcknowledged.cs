using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The assignee acknowledged the task.</summary>
[GenerateSerializer, Immutable, Alias("task.acknowledged")]
public sealed record TaskAcknowledged(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] AgencyCode Assignee,
    [property: Id(2)] string Officer,
    [property: Id(3)] DateTimeOffset Eta);
