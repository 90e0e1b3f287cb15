using Microsoft.AspNetCore.Hosting;
using PolicingHub.Gateway;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime.Hosting;
using PolicingHub.Silo.Demo;

namespace PolicingHub.Silo.Hosting;

/// <summary>Wires the silo: runtime and store, grains, gateway, health checks, the optional demo seed.</summary>
internal static class SiloHost
{
    public const string DefaultUrl = "http://localhost:5080";
    public const string SeedDemoSwitch = "--seed-demo";

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
        if (!HasConfiguredUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // The store profile decides which services exist, so it is read while composing (and validated again on start).
        var silo = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var runtime = builder.Services.AddPolicingHubRuntime();
        _ = silo.Store == StoreProfile.InMemory ? runtime.UseInMemoryStore() : runtime.UseSqliteStore();
        runtime.AddPolicingHubGrains();
        builder.Services.AddPolicingHubGateway(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<GrainsHealthCheck>("grains");
        builder.Services.AddSingleton<DemoSeeder>();
        if (silo.SeedDemo)
        {
            builder.Services.AddHostedService<DemoSeedService>();
        }

        var app = builder.Build();
        SiloLog.Starting(app.Logger, silo.Store);
        app.MapPolicingHubGateway();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }

    /// <summary>On the first start (the signing key was just created) prints one line with a coordinator token.</summary>
    public static void PrintFirstStartToken(WebApplication app, TextWriter output)
    {
        if (app.Services.GetRequiredService<SigningKeyStore>().Created)
        {
            var token = app.Services.GetRequiredService<TokenIssuer>().Issue(ActorRole.Coordinator, subject: "first-start-coordinator");
            output.WriteLine($"First start: a new signing key was created. Coordinator token: {token}");
        }
    }

    private static bool HasConfiguredUrls(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]);
}
