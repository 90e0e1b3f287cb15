using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PolicingHub.Gateway.Api;

public static class ApiExtensions
{
    public static IServiceCollection AddGatewayApi(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapGatewayApi(this WebApplication app) => app;
}
