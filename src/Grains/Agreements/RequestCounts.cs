using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agreements;

/// <summary>
/// One agency's request counters on an agreement, kept for the scorecard: requests it sent, requests it received
/// (counted for the agency holding them now), and how many of those it answered, and answered on time.
/// </summary>
public sealed record RequestCounts(
    AgencyCode Agency,
    int Sent,
    int Received,
    int Answered,
    int AnsweredOnTime);
