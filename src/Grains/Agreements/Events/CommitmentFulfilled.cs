using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>A commitment was fulfilled.</summary>
[EventName("commitment.fulfilled")]
public sealed record CommitmentFulfilled(
    AgreementId Agreement,
    int Commitment,
    DateTimeOffset At,
    bool OnTime);
