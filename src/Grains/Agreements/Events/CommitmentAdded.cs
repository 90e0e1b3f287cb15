using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>A commitment was added.</summary>
[EventName("commitment.added")]
public sealed record CommitmentAdded(
    AgreementId Agreement,
    CommitmentView Commitment);
