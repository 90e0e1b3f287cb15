using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>A commitment was waived.</summary>
[GenerateSerializer, Immutable, Alias("commitment.waived")]
public sealed record CommitmentWaived(
    [property: Id(0)] AgreementId Agreement,
    [property: Id(1)] int Commitment,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At);
