using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies;

/// <summary>A liaison officer partners can reach.</summary>
public sealed record LiaisonContact(
    string Name,
    string Role,
    string Email,
    string? Phone);
