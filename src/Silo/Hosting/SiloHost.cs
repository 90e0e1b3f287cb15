using Microsoft.AspNetCore.Hosting;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;
using PolicingHub.Gateway;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Hosting;
using PolicingHub.Grains.Model;
using PolicingHub.Silo.Demo;
using PolicingHub.Silo.Hosting.Profiles;
using PolicingHub.Silo.Operations;
using PolicingHub.Silo.Regions;

namespace PolicingHub.Silo.Hosting;

/// <summary>Wires the process: an Orleans silo on the store profile, the grains, the gateway, operations endpoints, the optional demo seed.</summary>
internal static class SiloHost
{
    public const string DefaultUrl = "http://localhost:5080";
    public const string SeedDemoSwitch = "--seed-demo";

    /// <summary>The meters /metrics exports: Orleans' own, the event log's, the gateway's.</summary>
    private static readonly string[] Meters = ["Microsoft.Orleans", "PolicingHub.EventLog", "PolicingHub.Gateway"];

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a != SeedDemoSwitch).ToArray());
        if (args.Contains(SeedDemoSwitch))
        {
            builder.Configuration.AddInMemoryCollection([new($"{SiloOptions.SectionName}:{nameof(SiloOptions.SeedDemo)}", "true")]);
        }
        // Request-start/finish logs carry the full URL, and a console's WebSocket URL carries its access_token:
        // that category stays at Warning whatever the configuration says, so tokens never reach a log.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // The web console's files (src/Console) are static web assets: from a build they live in the client project,
        // not under wwwroot, so load their manifest in every environment (a published app has them in wwwroot anyway).
        builder.WebHost.UseStaticWebAssets();
        if (!HasConfiguredUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // The store profile decides which services exist, so it is read and checked while composing: a bad setting
        // throws SiloConfigurationException (one line) before anything starts.
        var profile = ProfileSettings.Load(builder.Configuration);
        var silo = profile.Silo;
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddEventLog(profile);
        builder.UseOrleans(orleans =>
        {
            orleans.UseStoreProfile(profile);
            orleans.AddPolicingHubGrains();
            orleans.UseRegions(silo.Region);
            orleans.AddClusterOperations();
            orleans.AddDashboard();
        });
        builder.Services.AddPolicingHubGateway(builder.Configuration);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        builder.Services.AddHealthChecks().AddCheck<LogHealthCheck>("event-log");
        builder.Services.AddSingleton<DemoSeeder>();
        if (silo.SeedDemo)
        {
            builder.Services.AddHostedService<DemoSeedService>();
        }

        var app = builder.Build();
        SiloLog.Starting(app.Logger, profile.Profile);
        app.MapPolicingHubGateway($"{typeof(SiloHost).Assembly.GetName().Name}.staticwebassets.endpoints.json");
        app.MapOperations();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }


    /// <summary>The URLs the gateway will listen on: --urls / ASPNETCORE_URLS / Urls, else <see cref="DefaultUrl"/>.</summary>
    public static IReadOnlyList<string> ListenUrls(WebApplication app) =>
        app.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [DefaultUrl];

    private static bool HasConfiguredUrls(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]);
}
