using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Projections;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Access;

/// <summary>Listings from the read models (caught up first), filtered by <see cref="Visibility"/> for the actor.</summary>
internal static class VisibleLists
{
    public static async Task<IReadOnlyList<AgencyView>> VisibleAgencies(this ApiContext api)
    {
        var models = await api.ReadModelsAsync().ConfigureAwait(false);
        return [.. models.Agencies()
            .Where(a => Visibility.CanSeeAgency(api.Actor.Role, api.Actor.Agency, a.Code))
            .Select(a => VisibleReads.ForActor(api, a))];
    }

    public static async Task<IReadOnlyList<AgreementDetails>> VisibleAgreements(this ApiContext api)
    {
        var models = await api.ReadModelsAsync().ConfigureAwait(false);
        return [.. models.Agreements().Where(v => Visibility.CanSeeAgreement(api.Actor.Role, api.Actor.Agency, v.Parties))];
    }

    public static async Task<IReadOnlyList<TaskView>> VisibleTasks(this ApiContext api)
    {
        var models = await api.ReadModelsAsync().ConfigureAwait(false);
        var tasks = models.Tasks();
        return api.Actor.IsCoordinator
            ? tasks
            : [.. tasks.Where(v => Visibility.CanSeeTask(api.Actor.Role, api.Actor.Agency, v.Assignee, v.Handling, models.PartiesOf(v.Agreement.Value)))];
    }
}
