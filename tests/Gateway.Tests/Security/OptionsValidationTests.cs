using System.ComponentModel.DataAnnotations;
using PolicingHub.Gateway.Security;

namespace PolicingHub.Gateway.Tests.Security;

public sealed class OptionsValidationTests
{
    [Fact]
    public void The_default_auth_options_are_valid() => Assert.Empty(Errors(new AuthOptions()));

    [Fact]
    public void Auth_options_need_an_issuer_an_audience_a_key_path_and_a_positive_lifetime()
    {
        var errors = Errors(new AuthOptions { Issuer = " ", Audience = "", SigningKeyPath = "", TokenLifetime = TimeSpan.Zero });

        Assert.Equal(["Audience", "Issuer", "SigningKeyPath", "TokenLifetime"], errors);
    }

    [Fact]
    public void Request_limits_refuse_a_zero_rate_and_a_tiny_body_limit()
    {
        var errors = Errors(new RequestLimitsOptions { PermitPerSecond = 0, MaxRequestBytes = 10 });

        Assert.Equal(["MaxRequestBytes", "PermitPerSecond"], errors);
    }

    private static string[] Errors(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.SelectMany(r => r.MemberNames).Order(StringComparer.Ordinal)];
    }
}
