namespace PolicingHub.Contracts.Agreements;

/// <summary>Per-party request counts on an agreement's scorecard.</summary>
public sealed record PartyCountsView(string Agency, int RequestsSent, int RequestsReceived, int RequestsAnswered);
