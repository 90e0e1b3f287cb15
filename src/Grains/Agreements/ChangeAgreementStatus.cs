using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Activate, suspend, resume, terminate or expire an agreement; suspend and terminate need a reason.</summary>
[GenerateSerializer, Immutable, Alias("ph.ChangeAgreementStatus")]
public sealed record ChangeAgreementStatus(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string? Reason);
