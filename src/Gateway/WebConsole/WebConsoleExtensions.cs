using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PolicingHub.Gateway.WebConsole;

/// <summary>
/// Serves the web console (src/Console, Blazor WebAssembly) at /: its files as the host's static web assets
/// (MapStaticAssets: compressed, fingerprinted, cached) and index.html for any other page path the console routes
/// itself (/tasks, /agreements, …) — never for the API, the hub or the operator surface, which answer 404 themselves.
/// </summary>
public static class WebConsoleExtensions
{
    public static IServiceCollection AddWebConsole(this IServiceCollection services) =>
        services.Configure<RouteOptions>(options => options.SetParameterPolicy<WebConsoleRouteConstraint>(WebConsoleRouteConstraint.Name));

    /// <param name="manifest">The host's static assets manifest (e.g. "PolicingHub.Silo.staticwebassets.endpoints.json" beside
    /// the app), so hosts whose application name differs (tests) find it; null: the application's own.</param>
    public static WebApplication MapWebConsole(this WebApplication app, string? manifest = null)
    {
        app.MapStaticAssets(manifest is null ? null : Path.Combine(AppContext.BaseDirectory, manifest));
        app.MapFallbackToFile($"{{*path:nonfile:{WebConsoleRouteConstraint.Name}}}", "index.html");
        return app;
    }
}
