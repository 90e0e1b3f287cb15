using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Activate, suspend, resume, terminate or expire an agreement; suspend and terminate need a reason.</summary>
public sealed record ChangeAgreementStatus(
    Actor Actor,
    string? Reason);
