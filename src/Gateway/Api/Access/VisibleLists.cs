using PolicingHub.Grains.Errors;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Directory;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Access;

/// <summary>Listings from the hub directory, filtered by <see cref="Visibility"/> for the actor; reads run concurrently.</summary>
internal static class VisibleLists
{
    public static async Task<DirectoryView> Directory(this ApiContext api) =>
        await api.Read<IDirectoryGrain>(IDirectoryGrain.Key).Get().ConfigureAwait(false);

    public static async Task<IReadOnlyList<AgencyView>> VisibleAgencies(this ApiContext api)
    {
        var directory = await api.Directory().ConfigureAwait(false);
        var visible = directory.Agencies.Where(code => Visibility.CanSeeAgency(api.Actor.Role, api.Actor.Agency, code));
        var views = await Task.WhenAll(visible.Select(code => NotFound.OrNull(api.VisibleAgency(code)))).ConfigureAwait(false);
        return [.. views.OfType<AgencyView>()];
    }

    public static async Task<IReadOnlyList<AgreementView>> VisibleAgreements(this ApiContext api)
    {
        var directory = await api.Directory().ConfigureAwait(false);
        var views = await Task.WhenAll(directory.Agreements.Select(id => NotFound.OrNull(api.Read<IAgreementGrain>(id.Value).Get())))
            .ConfigureAwait(false);
        return [.. views.OfType<AgreementView>().Where(v => Visibility.CanSeeAgreement(api.Actor.Role, api.Actor.Agency, v.Parties))];
    }

    public static async Task<IReadOnlyList<TaskView>> VisibleTasks(this ApiContext api)
    {
        var directory = await api.Directory().ConfigureAwait(false);
        var views = (await Task.WhenAll(directory.Tasks.Select(id => NotFound.OrNull(api.Read<ICooperationTaskGrain>(id.Value).Get())))
            .ConfigureAwait(false)).OfType<TaskView>().ToList();
        if (api.Actor.IsCoordinator)
        {
            return views;
        }
        var agreements = views.Select(v => v.Agreement).Distinct().ToList();
        var parties = await Task.WhenAll(agreements.Select(api.PartiesOf)).ConfigureAwait(false);
        var partiesOf = agreements.Zip(parties).ToDictionary(p => p.First, p => p.Second);
        return [.. views.Where(v => Visibility.CanSeeTask(api.Actor.Role, api.Actor.Agency, v.Assignee, v.Handling, partiesOf[v.Agreement]))];
    }
}
