using System.Collections.Concurrent;
using PolicingHub.Gateway.Projections;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Hosting;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// Whether an agency is registered, asked for every partner token at authentication. The read model answers first;
/// when it does not know the agency (just registered on another silo, or this silo started and is still folding the
/// log), the agency's grain answers, which folds its own stream and is the authority. A "yes" is cached for good
/// (registration is never undone); a "no" is not cached, so a token for an agency registered later works as soon as
/// the registration is committed. Only tokens signed with our key get here, so the grain calls cannot be forced in bulk.
/// </summary>
internal sealed class RegisteredAgencies(HubReadModel model, IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, byte> _registered = new(StringComparer.Ordinal);

    public async ValueTask<bool> IsRegisteredAsync(string agency)
    {
        if (_registered.ContainsKey(agency))
        {
            return true;
        }
        if (model.Agency(agency) is null && !await grains.Reference<IAgencyGrain>(agency).IsRegistered().ConfigureAwait(false))
        {
            return false;
        }
        _registered.TryAdd(agency, 0);
        return true;
    }
}
