using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee declines an acknowledged task, with a reason.</summary>
[GenerateSerializer, Immutable, Alias("ph.DeclineTask")]
public sealed record DeclineTask(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string Reason);
