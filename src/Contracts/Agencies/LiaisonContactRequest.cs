namespace PolicingHub.Contracts.Agencies;

/// <summary>A liaison officer partners can reach.</summary>
public sealed record LiaisonContactRequest(string? Name, string? Role, string? Email, string? Phone);
