using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Security;

public sealed class TokenIssuerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policinghub-tokens-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly AuthOptions _options;
    private readonly SigningKeyStore _keys;
    private readonly TokenIssuer _issuer;

    public TokenIssuerTests()
    {
        _options = new AuthOptions { SigningKeyPath = Path.Combine(_directory, "key.b64") };
        _keys = new SigningKeyStore(Options.Create(_options), NullLogger<SigningKeyStore>.Instance);
        _issuer = new TokenIssuer(_keys, Options.Create(_options), _time, NullLogger<TokenIssuer>.Instance);
    }

    [Fact]
    public async Task A_partner_token_carries_subject_role_and_agency_and_validates_on_the_same_key()
    {
        var token = _issuer.Issue(ActorRole.Partner, "JP-NPA", "desk-tokyo");

        var result = await ValidateAsync(token);

        Assert.True(result.IsValid);
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        Assert.Equal(new Actor("desk-tokyo", ActorRole.Partner, "JP-NPA"), principal.ToActor());
        Assert.Equal("partner", principal.FindFirst("role")!.Value);
    }

    [Fact]
    public async Task A_coordinator_token_has_no_agency_and_a_default_subject()
    {
        var result = await ValidateAsync(_issuer.Issue(ActorRole.Coordinator));

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        Assert.Null(principal.FindFirst("agency"));
        Assert.Equal(new Actor("coordinator", ActorRole.Coordinator, null), principal.ToActor());
    }

    [Fact]
    public async Task A_token_lives_one_hour_by_default_unless_told_otherwise_and_carries_a_unique_id()
    {
        var standard = (JsonWebToken)(await ValidateAsync(_issuer.Issue(ActorRole.Operator))).SecurityToken;
        var shift = (JsonWebToken)(await ValidateAsync(_issuer.Issue(ActorRole.Operator, lifetime: TimeSpan.FromHours(8)))).SecurityToken;

        Assert.Equal(TimeSpan.FromHours(1), standard.ValidTo - standard.IssuedAt);
        Assert.Equal(TimeSpan.FromHours(8), shift.ValidTo - shift.IssuedAt);
        Assert.Equal(32, standard.Id.Length);
        Assert.NotEqual(standard.Id, shift.Id);
    }

    [Fact]
    public void A_lifetime_beyond_the_maximum_of_twelve_hours_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _issuer.Issue(ActorRole.Operator, lifetime: TimeSpan.FromHours(13)));

    [Fact]
    public void A_partner_without_an_agency_is_refused() =>
        Assert.Throws<ArgumentException>(() => _issuer.Issue(ActorRole.Partner));

    [Fact]
    public void A_partner_with_an_invalid_agency_code_is_refused() =>
        Assert.Throws<ArgumentException>(() => _issuer.Issue(ActorRole.Partner, "npa-japan"));

    [Fact]
    public void Only_partners_carry_an_agency() =>
        Assert.Throws<ArgumentException>(() => _issuer.Issue(ActorRole.Coordinator, "KR-KNPA"));

    [Fact]
    public async Task A_token_signed_with_another_key_does_not_validate()
    {
        var otherOptions = new AuthOptions { SigningKeyPath = Path.Combine(_directory, "other.b64") };
        var other = new TokenIssuer(new SigningKeyStore(Options.Create(otherOptions), NullLogger<SigningKeyStore>.Instance),
            Options.Create(otherOptions), _time, NullLogger<TokenIssuer>.Instance);

        Assert.False((await ValidateAsync(other.Issue(ActorRole.Coordinator))).IsValid);
    }

    private Task<TokenValidationResult> ValidateAsync(string token) => new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token,
        new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = _keys.Key,
            RoleClaimType = "role",
            NameClaimType = "sub",
        });

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
