using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A dated task update.</summary>
[GenerateSerializer, Immutable, Alias("ph.TaskUpdate")]
public sealed record TaskUpdate(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string Text);
