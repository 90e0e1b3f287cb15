using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Per-party request counts on an agreement's scorecard.</summary>
public sealed record PartyCounts(
    AgencyCode Agency,
    int RequestsSent,
    int RequestsReceived,
    int RequestsAnswered);
