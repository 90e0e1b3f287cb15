using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>A commitment was added.</summary>
[GenerateSerializer, Immutable, Alias("commitment.added")]
public sealed record CommitmentAdded(
    [property: Id(0)] AgreementId Agreement,
    [property: Id(1)] CommitmentView Commitment);
