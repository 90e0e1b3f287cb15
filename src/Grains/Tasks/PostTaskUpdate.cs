using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A progress update; the first one moves an accepted task to in progress.</summary>
[GenerateSerializer, Immutable, Alias("ph.PostTaskUpdate")]
public sealed record PostTaskUpdate(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string Text);
