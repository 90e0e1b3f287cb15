namespace PolicingHub.Contracts.Agreements;

/// <summary>Who signs for a party.</summary>
public sealed record SignatoryRequest(string? Agency, string? Name, string? Title);
