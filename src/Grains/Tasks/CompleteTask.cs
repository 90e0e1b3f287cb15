using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee completes the task with its outcome.</summary>
[GenerateSerializer, Immutable, Alias("ph.CompleteTask")]
public sealed record CompleteTask(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string Outcome);
