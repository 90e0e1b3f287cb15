using PolicingHub.Contracts.Agencies;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agencies;

/// <summary>
/// Turns the agency requests of the wire contract (PolicingHub.Contracts) into grain commands, collecting every field
/// error first: a request with any error throws <see cref="RequestValidationException"/> before a grain is called.
/// </summary>
internal static class AgencyRequestValidation
{
    public static (AgencyCode Code, RegisterAgency Command) ToCommand(this RegisterAgencyRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var code = errors.Id<AgencyCode>("code", request.Code);
        var command = new RegisterAgency(
            actor,
            errors.Text("name", request.Name),
            errors.Text("homeRegion", request.HomeRegion, 64),
            errors.List("languages", request.Languages, 20, required: false, (field, language) => errors.Text(field, language, 35)),
            errors.List("capabilities", request.Capabilities, 20, required: false, errors.Enum<CooperationArea>),
            errors.List("contacts", request.Contacts, 20, required: false, (field, contact) => contact.Read(errors, field)));
        errors.ThrowIfAny();
        return (code, command);
    }

    public static SetReadiness ToCommand(this SetReadinessRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var command = new SetReadiness(actor, errors.Enum<Readiness>("readiness", request.Readiness), errors.OptionalText("reason", request.Reason));
        errors.ThrowIfAny();
        return command;
    }

    private static LiaisonContact Read(this LiaisonContactRequest contact, FieldErrors errors, string field)
    {
        var email = errors.Text($"{field}.email", contact.Email);
        if (email.Length > 0 && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{field}.email", "Not an e-mail address.");
        }
        return new LiaisonContact(
            errors.Text($"{field}.name", contact.Name),
            errors.Text($"{field}.role", contact.Role),
            email,
            errors.OptionalText($"{field}.phone", contact.Phone, 40));
    }
}
