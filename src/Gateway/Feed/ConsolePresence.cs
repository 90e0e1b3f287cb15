using Microsoft.Extensions.Logging;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Hosting;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Feed;

/// <summary>Tells a partner's agency grain that one of its consoles connected or disconnected (its live status). Never throws.</summary>
internal sealed class ConsolePresence(IGrainFactory grains, ILogger<ConsolePresence> logger)
{
    public async Task ConnectedAsync(Actor? actor, string connectionId)
    {
        if (actor is { Role: ActorRole.Partner, Agency: { } agency })
        {
            try
            {
                await grains.Reference<IAgencyGrain>(agency).ConsoleConnected(connectionId);
            }
            catch (Exception ex)
            {
                logger.PresenceFailed(agency, connectionId, "connected", ex);
            }
        }
    }

    public async Task DisconnectedAsync(Actor? actor, string connectionId)
    {
        if (actor is { Role: ActorRole.Partner, Agency: { } agency })
        {
            try
            {
                await grains.Reference<IAgencyGrain>(agency).ConsoleDisconnected(connectionId);
            }
            catch (Exception ex)
            {
                logger.PresenceFailed(agency, connectionId, "disconnected", ex);
            }
        }
    }
}
