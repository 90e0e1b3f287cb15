using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicingHub.Gateway.Security.Revocation;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Security;

public static class SecurityExtensions
{
    /// <summary>Bearer authentication on the hub's signing key, the role policies, the token issuer, rate and size limits.</summary>
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection(RequestLimitsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SigningKeyStore>();
        services.TryAddSingleton<TokenIssuer>();
        services.TryAddSingleton<RegisteredAgencies>();
        services.TryAddSingleton<TokenRevocations>();
        services.AddHostedService<TokenRevocationFollower>();
        // A 401 for a token we refused says why in its problem details too (e.g. "token revoked").
        services.AddProblemDetails(options => options.CustomizeProblemDetails += context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status401Unauthorized
                && context.HttpContext.Items[TokenAcceptance.ProblemItem] is string problem)
            {
                context.ProblemDetails.Detail = problem;
            }
        });

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddAuthorizationBuilder()
            .AddPolicy(GatewayPolicies.Coordinator, Roles(ActorRole.Coordinator))
            .AddPolicy(GatewayPolicies.Partner, Roles(ActorRole.Partner))
            .AddPolicy(GatewayPolicies.Operator, Roles(ActorRole.Operator))
            .AddPolicy(GatewayPolicies.Console, Roles(ActorRole.Coordinator, ActorRole.Partner, ActorRole.Operator))
            .AddPolicy(GatewayPolicies.CaseWork, Roles(ActorRole.Coordinator, ActorRole.Partner))
            .AddPolicy(GatewayPolicies.Cluster, Roles(ActorRole.Coordinator, ActorRole.Operator));

        services.AddOptions<SecurityHeadersOptions>().Bind(configuration.GetSection(SecurityHeadersOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CrossOriginOptions>().Bind(configuration.GetSection(CrossOriginOptions.SectionName));
        services.AddCors();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>, CrossOriginSetup>();

        services.AddRateLimiter(_ => { });
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, RateLimitingSetup>();
        return services;
    }

    /// <summary>The security headers on every response; must come first so that error responses carry them too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    /// <summary>CORS (closed unless origins are listed), authentication, the per-subject rate limit, the body size limit, then authorization.</summary>
    public static WebApplication UseGatewaySecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseAuthorization();
        return app;
    }

    private static Action<AuthorizationPolicyBuilder> Roles(params ActorRole[] roles) => policy => policy
        .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => context.User.TryToActor(out var actor) && roles.Contains(actor.Role));
}
