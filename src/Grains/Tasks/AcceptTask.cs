using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee accepts an acknowledged task.</summary>
[GenerateSerializer, Immutable, Alias("ph.AcceptTask")]
public sealed record AcceptTask(
    [property: Id(0)] Actor Actor);
