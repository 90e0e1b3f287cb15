using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// Validates bearer tokens against the same key and names <see cref="TokenIssuer"/> uses; claims keep their JWT names
/// (no inbound mapping). Hub connections may pass the token as the access_token query parameter (WebSockets cannot
/// send headers from browsers).
/// </summary>
internal sealed class JwtBearerSetup(SigningKeyStore keys, IOptions<AuthOptions> auth, ILogger<JwtBearerSetup> log)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public const string HubsPath = "/hubs";

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
            IssuerSigningKey = keys.Key,
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
                if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments(HubsPath))
                {
                    context.Token = token;
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
