using PolicingHub.Gateway.Projections;

namespace PolicingHub.Silo.Regions;

/// <summary>
/// Home regions from this silo's read model (folded from the log on every silo): an agency's registered home region,
/// a task's assignee's, an agreement's first party's. A grain the model has not seen yet (the command that creates it)
/// is placed anywhere and moved home by the <see cref="HomeRegionRebalancer"/> once its events are folded.
/// </summary>
internal sealed class ReadModelHomeRegions(HubReadModel model) : IGrainHomeRegions
{
    public string? HomeRegionOf(GrainId grain) => model.HomeRegionOf(grain.Type.ToString()!, grain.Key.ToString()!);
}
