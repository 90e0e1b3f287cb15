using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Marks a commitment fulfilled (coordinator, or a partner of the responsible party).</summary>
[GenerateSerializer, Immutable, Alias("ph.FulfilCommitment")]
public sealed record FulfilCommitment(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] int Commitment,
    [property: Id(2)] string? Note);
