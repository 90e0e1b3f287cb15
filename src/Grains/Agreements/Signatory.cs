using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Who signed for a party.</summary>
[GenerateSerializer, Immutable, Alias("ph.Signatory")]
public sealed record Signatory(
    [property: Id(0)] AgencyCode Agency,
    [property: Id(1)] string Name,
    [property: Id(2)] string Title);
