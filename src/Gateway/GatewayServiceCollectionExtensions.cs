using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Api;
using PolicingHub.Gateway.Feed;
using PolicingHub.Gateway.Security;
using PolicingHub.Gateway.WebConsole;

namespace PolicingHub.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>Security (JWT, roles), the REST API and the console feed. The runtime and grains are added by the host.</summary>
    public static IServiceCollection AddPolicingHubGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGatewaySecurity(configuration);
        services.AddGatewayApi(configuration);
        services.AddConsoleFeed(configuration);
        services.AddWebConsole();
        return services;
    }
}
