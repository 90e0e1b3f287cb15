using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>A dated progress note.</summary>
[GenerateSerializer, Immutable, Alias("ph.ProgressNote")]
public sealed record ProgressNote(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string Note);
