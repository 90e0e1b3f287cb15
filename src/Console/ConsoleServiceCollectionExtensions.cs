using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PolicingHub.Console.Api;
using PolicingHub.Console.Feed;
using PolicingHub.Console.Session;

namespace PolicingHub.Console;

/// <summary>Everything the console registers: MudBlazor, the session (token and role), the REST client, the live feed, the clock display.</summary>
public static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddPolicingHubConsole(this IServiceCollection services, Uri hubAddress)
    {
        services.AddMudServices();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new HubAddress(hubAddress));
        services.AddSingleton(sp => new HttpClient { BaseAddress = hubAddress });
        services.AddSingleton<TokenStore>();
        services.AddSingleton<ConsoleSession>();
        services.AddSingleton<HubApi>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<IFeedConnectionFactory, SignalRFeedConnectionFactory>();
        services.AddSingleton<ClockDisplay>();
        services.AddSingleton<ChangeMarks>();
        return services;
    }
}
