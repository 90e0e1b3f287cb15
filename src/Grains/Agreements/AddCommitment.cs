using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Adds a concrete commitment with a due date (coordinators only).</summary>
public sealed record AddCommitment(
    Actor Actor,
    CooperationArea Area,
    string Text,
    AgencyCode ResponsibleParty,
    DateTimeOffset DueAt);
