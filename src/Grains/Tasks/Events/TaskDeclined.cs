using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The assignee declined the task.</summary>
[GenerateSerializer, Immutable, Alias("task.declined")]
public sealed record TaskDeclined(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] AgencyCode Assignee,
    [property: Id(2)] string Reason);
