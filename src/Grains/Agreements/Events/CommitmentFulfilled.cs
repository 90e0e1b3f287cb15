using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>A commitment was fulfilled.</summary>
[GenerateSerializer, Immutable, Alias("commitment.fulfilled")]
public sealed record CommitmentFulfilled(
    [property: Id(0)] AgreementId Agreement,
    [property: Id(1)] int Commitment,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] bool OnTime);
