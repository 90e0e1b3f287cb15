using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// Validates bearer tokens against the same key and names <see cref="TokenIssuer"/> uses; claims keep their JWT names
/// (no inbound mapping). Hub connections may pass the token as the access_token query parameter (WebSockets cannot
/// send headers from browsers); the Orleans dashboard takes it once as access_token, then from its cookie.
/// </summary>
internal sealed class JwtBearerSetup(SigningKeyStore keys, IOptions<AuthOptions> auth, ILogger<JwtBearerSetup> log)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public const string HubsPath = "/hubs";

    /// <summary>The Orleans dashboard: a browser page whose own requests carry its token in this cookie (see DashboardTokenCookie).</summary>
    public const string DashboardPath = "/dashboard";

    public const string DashboardCookie = "ph_dashboard";

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Value.Issuer,
            ValidAudience = auth.Value.Audience,
            // The active key and the retired ones (rotation): the token's kid picks one; a token without a kid tries each.
            IssuerSigningKeyResolver = (_, _, kid, _) => keys.ValidationKeysFor(kid),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = GatewayClaims.Subject,
            RoleClaimType = GatewayClaims.Role,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                var token = context.Request.Query["access_token"];
                var path = context.HttpContext.Request.Path;
                if (!string.IsNullOrEmpty(token) && (path.StartsWithSegments(HubsPath) || path.StartsWithSegments(DashboardPath)))
                {
                    context.Token = token;
                }
                else if (path.StartsWithSegments(DashboardPath) && context.Request.Cookies[DashboardCookie] is { Length: > 0 } cookie)
                {
                    context.Token = cookie;
                }
                return Task.CompletedTask;
            },
            OnTokenValidated = async context =>
            {
                if (await TokenAcceptance.ProblemAsync(context.Principal, context.HttpContext.RequestServices) is { } problem)
                {
                    SecurityLog.TokenRejected(log, problem);
                    context.HttpContext.Items[TokenAcceptance.ProblemItem] = problem;
                    context.Fail(problem);
                }
            },
            OnChallenge = context =>
            {
                // Our own refusals name no token part: say why (e.g. "token revoked") in WWW-Authenticate.
                if (context.HttpContext.Items[TokenAcceptance.ProblemItem] is string problem)
                {
                    context.Error = "invalid_token";
                    context.ErrorDescription = problem;
                }
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                // The exception type only: messages may quote token parts.
                SecurityLog.TokenRejected(log, context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
        };
    }
}
