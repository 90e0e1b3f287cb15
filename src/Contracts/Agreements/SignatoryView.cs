namespace PolicingHub.Contracts.Agreements;

/// <summary>Who signed for a party.</summary>
public sealed record SignatoryView(string Agency, string Name, string Title);
