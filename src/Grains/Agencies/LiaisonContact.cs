using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies;

/// <summary>A liaison officer partners can reach.</summary>
[GenerateSerializer, Immutable, Alias("ph.LiaisonContact")]
public sealed record LiaisonContact(
    [property: Id(0)] string Name,
    [property: Id(1)] string Role,
    [property: Id(2)] string Email,
    [property: Id(3)] string? Phone);
