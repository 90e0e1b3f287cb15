using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies;

/// <summary>Changes an agency's readiness (coordinator, or a partner of that agency).</summary>
public sealed record SetReadiness(
    Actor Actor,
    Readiness Readiness,
    string? Reason);
