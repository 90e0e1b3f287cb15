using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PolicingHub.Gateway.Security;

public static class SecurityExtensions
{
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication UseGatewaySecurity(this WebApplication app) => app;
}
