namespace PolicingHub.Contracts.Session;

/// <summary>GET /api/me: who the bearer token names — subject, role (partner, coordinator, operator), agency (partners) and expiry.</summary>
public sealed record SessionView(string Subject, string Role, string? Agency, DateTimeOffset ExpiresAt);
