using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The assignee accepted the task.</summary>
[GenerateSerializer, Immutable, Alias("task.accepted")]
public sealed record TaskAccepted(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] AgencyCode Assignee);
