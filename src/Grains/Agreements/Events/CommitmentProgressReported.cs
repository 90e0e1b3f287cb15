using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>Progress was reported on a commitment.</summary>
[GenerateSerializer, Immutable, Alias("commitment.progress-reported")]
public sealed record CommitmentProgressReported(
    [property: Id(0)] AgreementId Agreement,
    [property: Id(1)] int Commitment,
    [property: Id(2)] ProgressNote Progress);
