using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Waives a commitment (coordinators only).</summary>
[GenerateSerializer, Immutable, Alias("ph.WaiveCommitment")]
public sealed record WaiveCommitment(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] int Commitment,
    [property: Id(2)] string Reason);
