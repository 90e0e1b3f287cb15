using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicingHub.Gateway.Api.Agencies;
using PolicingHub.Gateway.Api.Agreements;
using PolicingHub.Gateway.Api.Audit;
using PolicingHub.Gateway.Api.Cluster;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Api.Session;
using PolicingHub.Gateway.Api.Tasks;
using PolicingHub.Gateway.Api.Tokens;
using PolicingHub.Gateway.Diagnostics;
using PolicingHub.Gateway.Projections;

namespace PolicingHub.Gateway.Api;

public static class ApiExtensions
{
    /// <summary>The REST API's services: JSON (enums by name), error mapping, refusal audit and sealing, read models, OpenAPI.</summary>
    public static IServiceCollection AddGatewayApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<CommandAuditor>();
        services.AddSingleton<CommandRetries>();
        services.AddOptions<CommandRetryOptions>().Bind(configuration.GetSection(CommandRetryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<AuditSealer>();
        services.AddSingleton<GatewayInstruments>();
        services.AddSingleton<HubReadModel>();
        services.AddSingleton<ReadModelProjector>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadModelProjector>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddOpenApi();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, HeaderValidationMiddleware.ConfigureKestrel>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, RejectedRequestProblems>();
        return services;
    }

    /// <summary>Known errors become ProblemDetails (and bodiless error statuses too); must come before security and endpoints.</summary>
    public static WebApplication UseGatewayProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<HeaderValidationMiddleware>();
        return app;
    }

    /// <summary>Every endpoint under /api (each requires a policy; commands are audited), and the OpenAPI document.</summary>
    public static WebApplication MapGatewayApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<AuditFilter>();
        api.MapAgencyEndpoints();
        api.MapAgreementEndpoints();
        api.MapCommitmentEndpoints();
        api.MapTaskEndpoints();
        api.MapAuditEndpoints();
        api.MapClusterEndpoints();
        api.MapSessionEndpoints();
        api.MapTokenEndpoints();
        app.MapOpenApi();
        return app;
    }
}
