namespace PolicingHub.Contracts.Agencies;

/// <summary>POST /api/agencies: a partner agency to register. The country comes from the code (e.g. JP-NPA → JP).</summary>
public sealed record RegisterAgencyRequest(
    string? Code,
    string? Name,
    string? HomeRegion,
    IReadOnlyList<string?>? Languages,
    IReadOnlyList<string?>? Capabilities,
    IReadOnlyList<LiaisonContactRequest?>? Contacts);
