using Microsoft.AspNetCore.Builder;
using PolicingHub.Gateway.Api;
using PolicingHub.Gateway.Feed;
using PolicingHub.Gateway.Security;
using PolicingHub.Gateway.WebConsole;

namespace PolicingHub.Gateway;

public static class GatewayEndpointExtensions
{
    /// <summary>Middleware and endpoints: security headers, problem details, CORS, authentication, rate limits, /api, /hubs/console, /health, the web console at / (src/Console).</summary>
    public static WebApplication MapPolicingHubGateway(this WebApplication app, string? staticAssetsManifest = null)
    {
        app.UseSecurityHeaders();
        app.UseGatewayProblemDetails();
        app.UseGatewaySecurity();
        app.MapGatewayApi();
        app.MapConsoleFeed();
        app.MapWebConsole(staticAssetsManifest);
        return app;
    }
}
