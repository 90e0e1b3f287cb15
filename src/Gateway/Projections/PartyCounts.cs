using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Projections;

/// <summary>Per-party request counts on an agreement's scorecard.</summary>
public sealed record PartyCounts(
    AgencyCode Agency,
    int RequestsSent,
    int RequestsReceived,
    int RequestsAnswered);
