using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Security;

/// <summary>Mints the bearer tokens consoles use: HMAC-SHA256 JWTs with the claims sub, role, jti and (partners only) agency; one hour by default.</summary>
public sealed class TokenIssuer(SigningKeyStore keys, IOptions<AuthOptions> options, TimeProvider time, ILogger<TokenIssuer> log)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <param name="role">The actor's role.</param>
    /// <param name="agency">The partner's agency code; required for partners, refused for other roles.</param>
    /// <param name="subject">Who the token is for; defaults to the role (and agency).</param>
    /// <param name="lifetime">How long it is valid; defaults to <see cref="AuthOptions.TokenLifetime"/>.</param>
    public string Issue(ActorRole role, string? agency = null, string? subject = null, TimeSpan? lifetime = null)
    {
        if (role == ActorRole.Partner && !AgencyCode.IsValid(agency))
        {
            throw new ArgumentException(agency is null
                ? "A partner token needs an agency."
                : $"'{agency}' is not an agency code (e.g. JP-NPA).", nameof(agency));
        }
        if (role != ActorRole.Partner && agency is not null)
        {
            throw new ArgumentException("Only partner tokens carry an agency.", nameof(agency));
        }
        if (lifetime is { } l && (l <= TimeSpan.Zero || l > options.Value.MaxTokenLifetime))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), l, $"The lifetime must be positive and at most {options.Value.MaxTokenLifetime}.");
        }
        var roleName = RoleName(role);
        subject = string.IsNullOrWhiteSpace(subject) ? (agency is null ? roleName : $"{roleName}@{agency}") : subject;
        var now = time.GetUtcNow();
        var expires = now + (lifetime ?? options.Value.TokenLifetime);
        var claims = new Dictionary<string, object>
        {
            [GatewayClaims.Subject] = subject,
            [GatewayClaims.Role] = roleName,
            [GatewayClaims.TokenId] = Guid.NewGuid().ToString("N"),
        };
        if (agency is not null)
        {
            claims[GatewayClaims.Agency] = agency;
        }
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        SecurityLog.TokenIssued(log, roleName, subject, agency, expires);
        return token;
    }

    public static string RoleName(ActorRole role) => role switch
    {
        ActorRole.Partner => GatewayClaims.Partner,
        ActorRole.Coordinator => GatewayClaims.Coordinator,
        ActorRole.Operator => GatewayClaims.Operator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };
}
