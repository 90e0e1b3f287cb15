using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Marks a commitment fulfilled (coordinator, or a partner of the responsible party).</summary>
public sealed record FulfilCommitment(
    Actor Actor,
    int Commitment,
    string? Note);
