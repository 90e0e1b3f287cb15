using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace PolicingHub.Gateway.Feed;

public static class FeedExtensions
{
    /// <summary>SignalR, the entitlement index and the console feed (a hosted service). Options bind from <see cref="ConsoleFeedOptions.SectionName"/>.</summary>
    public static IServiceCollection AddConsoleFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleFeedOptions>()
            .Bind(configuration.GetSection(ConsoleFeedOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<HubLimitsOptions>()
            .Bind(configuration.GetSection(HubLimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSignalR();
        services.AddSingleton<HubCallGuard>();
        services.AddSingleton<RevokedConnectionCloser>();
        services.AddSingleton<IConfigureOptions<HubOptions>, HubLimitsSetup>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EntitlementIndex>();
        services.TryAddSingleton<IConsoleSender, HubConsoleSender>();
        services.TryAddSingleton<ConsolePresence>();
        services.TryAddSingleton<ConsoleFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleFeed>());
        return services;
    }

    /// <summary>The console hub at /hubs/console (policy "console").</summary>
    public static WebApplication MapConsoleFeed(this WebApplication app)
    {
        // A connection ends when its token expires; the console reconnects with a fresh token and resumes from its position.
        app.MapHub<ConsoleHub>(ConsoleHub.Path, hub => hub.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
