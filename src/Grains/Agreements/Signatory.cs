using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Who signed for a party.</summary>
public sealed record Signatory(
    AgencyCode Agency,
    string Name,
    string Title);
