using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>A commitment was waived.</summary>
[EventName("commitment.waived")]
public sealed record CommitmentWaived(
    AgreementId Agreement,
    int Commitment,
    string Reason);
