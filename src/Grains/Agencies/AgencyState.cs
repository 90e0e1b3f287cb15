using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agencies;

/// <summary>An agency folded from its stream. <see cref="Registration"/> is null until the agency is registered.</summary>
public sealed record AgencyState
{
    public AgencyRegistered? Registration { get; init; }

    public AgencyPresence Presence { get; init; } = new(0, null, Readiness.Normal);

    public AgencyState Apply(object @event) => @event switch
    {
        AgencyRegistered e => this with { Registration = e },
        AgencyStatusChanged e => this with { Presence = e.Status },
        _ => this,
    };
}
