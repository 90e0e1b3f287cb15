using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PolicingHub.Gateway.Feed;

public static class FeedExtensions
{
    public static IServiceCollection AddConsoleFeed(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapConsoleFeed(this WebApplication app) => app;
}
