using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>A commitment passed its due date unfulfilled.</summary>
[GenerateSerializer, Immutable, Alias("commitment.overdue")]
public sealed record CommitmentOverdue(
    [property: Id(0)] AgreementId Agreement,
    [property: Id(1)] int Commitment,
    [property: Id(2)] AgencyCode ResponsibleParty,
    [property: Id(3)] DateTimeOffset DueAt);
