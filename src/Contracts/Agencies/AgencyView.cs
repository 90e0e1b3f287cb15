namespace PolicingHub.Contracts.Agencies;

/// <summary>An agency as GET /api/agencies[/{code}] returns it: profile, live status, its agreements and open tasks.</summary>
public sealed record AgencyView(
    string Code,
    string Name,
    string Country,
    string HomeRegion,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<LiaisonContactView> Contacts,
    AgencyLiveStatusView Status,
    IReadOnlyList<string> Agreements,
    IReadOnlyList<string> OpenTasks,
    DateTimeOffset RegisteredAt);
