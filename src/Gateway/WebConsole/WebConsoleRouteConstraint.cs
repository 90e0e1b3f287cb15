using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PolicingHub.Gateway.WebConsole;

/// <summary>A page path of the console: anything but the server's own prefixes (api, hubs, dashboard, metrics, openapi, health).</summary>
internal sealed class WebConsoleRouteConstraint : IRouteConstraint
{
    public const string Name = "webconsole";

    private static readonly string[] ServerPrefixes = ["api", "hubs", "dashboard", "metrics", "openapi", "health"];

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        var path = values.TryGetValue(routeKey, out var value) ? value?.ToString() ?? string.Empty : string.Empty;
        var first = path.Split('/', 2)[0];
        return !ServerPrefixes.Contains(first, StringComparer.OrdinalIgnoreCase);
    }
}
