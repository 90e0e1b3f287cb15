using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agencies;

/// <summary>PUT /api/agencies/{code}/readiness: Normal, Elevated or Critical, with an optional reason.</summary>
public sealed record SetReadinessRequest(string? Readiness, string? Reason)
{
    internal SetReadiness ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var command = new SetReadiness(actor, errors.Enum<Readiness>("readiness", Readiness), errors.OptionalText("reason", Reason));
        errors.ThrowIfAny();
        return command;
    }
}
