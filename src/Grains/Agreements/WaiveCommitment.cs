using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Waives a commitment (coordinators only).</summary>
public sealed record WaiveCommitment(
    Actor Actor,
    int Commitment,
    string Reason);
