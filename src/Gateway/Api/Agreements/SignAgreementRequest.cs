using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>POST /api/agreements/{id}/sign: the signing date and at least one signatory per party.</summary>
public sealed record SignAgreementRequest(DateOnly? SignedOn, IReadOnlyList<SignatoryRequest?>? Signatories)
{
    internal SignAgreement ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var command = new SignAgreement(
            actor,
            errors.Required("signedOn", SignedOn),
            errors.List("signatories", Signatories, 40, required: true, (field, signatory) => signatory.Read(errors, field)));
        errors.ThrowIfAny();
        return command;
    }
}
