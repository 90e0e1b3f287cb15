using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agencies;

namespace PolicingHub.Gateway.Api.Agencies;

/// <summary>A liaison officer partners can reach.</summary>
public sealed record LiaisonContactRequest(string? Name, string? Role, string? Email, string? Phone)
{
    internal LiaisonContact Read(FieldErrors errors, string field)
    {
        var email = errors.Text($"{field}.email", Email);
        if (email.Length > 0 && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{field}.email", "Not an e-mail address.");
        }
        return new LiaisonContact(
            errors.Text($"{field}.name", Name),
            errors.Text($"{field}.role", Role),
            email,
            errors.OptionalText($"{field}.phone", Phone, 40));
    }
}
