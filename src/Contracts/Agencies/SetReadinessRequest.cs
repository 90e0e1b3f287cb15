namespace PolicingHub.Contracts.Agencies;

/// <summary>PUT /api/agencies/{code}/readiness: Normal, Elevated or Critical, with an optional reason.</summary>
public sealed record SetReadinessRequest(string? Readiness, string? Reason);
