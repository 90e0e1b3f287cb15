using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>A commitment passed its due date unfulfilled.</summary>
[EventName("commitment.overdue")]
public sealed record CommitmentOverdue(
    AgreementId Agreement,
    int Commitment,
    AgencyCode ResponsibleParty,
    DateTimeOffset DueAt);
