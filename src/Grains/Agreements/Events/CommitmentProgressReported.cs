using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>Progress was reported on a commitment.</summary>
[EventName("commitment.progress-reported")]
public sealed record CommitmentProgressReported(
    AgreementId Agreement,
    int Commitment,
    ProgressNote Progress);
