using Orleans.Dashboard;
using PolicingHub.Gateway.Security;

namespace PolicingHub.Silo.Operations;

/// <summary>
/// What operators use beside /api/cluster: Orleans' own dashboard at /dashboard and Prometheus metrics at /metrics
/// (Orleans' meters and the hub's), both for operators and coordinators only.
/// </summary>
internal static class OperationsEndpoints
{
    public static WebApplication MapOperations(this WebApplication app)
    {
        // A browser opens /dashboard?access_token=…: the token moves into an HttpOnly cookie scoped to the dashboard,
        // and the page reloads without it in the address bar (the dashboard's own requests then carry the cookie).
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(JwtBearerSetup.DashboardPath) && request.Query["access_token"] is { Count: 1 } token
                && context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.Cookies.Append(JwtBearerSetup.DashboardCookie, token.ToString(), new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Strict, Path = JwtBearerSetup.DashboardPath, Secure = request.IsHttps,
                });
                context.Response.Redirect($"{request.PathBase}{JwtBearerSetup.DashboardPath}/");
                return;
            }
            await next(context);
        });
        app.MapOrleansDashboard(routePrefix: JwtBearerSetup.DashboardPath.TrimStart('/')).RequireAuthorization(GatewayPolicies.Cluster);
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(GatewayPolicies.Cluster);
        return app;
    }
}
