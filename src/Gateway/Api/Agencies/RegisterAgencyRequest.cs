using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agencies;

/// <summary>POST /api/agencies: a partner agency to register. The country comes from the code (e.g. JP-NPA → JP).</summary>
public sealed record RegisterAgencyRequest(
    string? Code,
    string? Name,
    string? HomeRegion,
    IReadOnlyList<string?>? Languages,
    IReadOnlyList<string?>? Capabilities,
    IReadOnlyList<LiaisonContactRequest?>? Contacts)
{
    internal (AgencyCode Code, RegisterAgency Command) ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var code = errors.Id<AgencyCode>("code", Code);
        var command = new RegisterAgency(
            actor,
            errors.Text("name", Name),
            errors.Text("homeRegion", HomeRegion, 64),
            errors.List("languages", Languages, 20, required: false, (field, language) => errors.Text(field, language, 35)),
            errors.List("capabilities", Capabilities, 20, required: false, errors.Enum<CooperationArea>),
            errors.List("contacts", Contacts, 20, required: false, (field, contact) => contact.Read(errors, field)));
        errors.ThrowIfAny();
        return (code, command);
    }
}
