using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Gateway.Security;

/// <summary>Bearer-token settings, bound from "PolicingHub:Auth" and validated on start.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "PolicingHub:Auth";

    public string Issuer { get; set; } = "policinghub";

    public string Audience { get; set; } = "policinghub-consoles";

    /// <summary>The base64 HMAC-SHA256 key file; created with a random key on first use. Relative to the current directory.</summary>
    public string SigningKeyPath { get; set; } = "data/signing-key.b64";

    /// <summary>How long an issued token is valid unless the caller asks otherwise: one hour.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest lifetime a token may be issued with (the token CLI's --hours is capped by it): twelve hours.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            yield return new ValidationResult($"{nameof(Issuer)} must not be empty.", [nameof(Issuer)]);
        }
        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return new ValidationResult($"{nameof(Audience)} must not be empty.", [nameof(Audience)]);
        }
        if (string.IsNullOrWhiteSpace(SigningKeyPath))
        {
            yield return new ValidationResult($"{nameof(SigningKeyPath)} must not be empty.", [nameof(SigningKeyPath)]);
        }
        if (TokenLifetime <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{nameof(TokenLifetime)} must be positive (was {TokenLifetime}).", [nameof(TokenLifetime)]);
        }
        if (MaxTokenLifetime < TokenLifetime)
        {
            yield return new ValidationResult($"{nameof(MaxTokenLifetime)} ({MaxTokenLifetime}) must be at least {nameof(TokenLifetime)} ({TokenLifetime}).", [nameof(MaxTokenLifetime)]);
        }
    }
}
