using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>Who signs for a party.</summary>
public sealed record SignatoryRequest(string? Agency, string? Name, string? Title)
{
    internal Signatory Read(FieldErrors errors, string field) => new(
        errors.Id<AgencyCode>($"{field}.agency", Agency),
        errors.Text($"{field}.name", Name),
        errors.Text($"{field}.title", Title));
}
