using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies;

/// <summary>Changes an agency's readiness (coordinator, or a partner of that agency).</summary>
[GenerateSerializer, Immutable, Alias("ph.SetReadiness")]
public sealed record SetReadiness(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] Readiness Readiness,
    [property: Id(2)] string? Reason);
