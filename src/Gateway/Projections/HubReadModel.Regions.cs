namespace PolicingHub.Gateway.Projections;

/// <summary>
/// Where a domain grain belongs (README "Regions"): an agency in the home region it was registered with; a task in its
/// current assignee's; an agreement in its first-listed party's. Null while the read model has not seen the grain
/// (its first command is placed anywhere and moved home once known).
/// </summary>
internal sealed partial class HubReadModel
{
    public string? HomeRegionOf(string grainType, string key)
    {
        lock (_lock)
        {
            var agency = grainType switch
            {
                "agency" => key,
                "task" => _tasks.GetValueOrDefault(key)?.Task?.Assignee.Value,
                "agreement" => _agreements.TryGetValue(key, out var a) && a.State.Parties.Length > 0 ? a.State.Parties[0].Value : null,
                _ => null,
            };
            return agency is not null && _agencies.TryGetValue(agency, out var record) ? record.Registration.HomeRegion : null;
        }
    }
}
