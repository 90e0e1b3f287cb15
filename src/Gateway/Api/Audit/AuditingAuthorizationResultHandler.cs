using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>
/// A command refused by its authorization policy (a wrong role) never reaches the endpoint filters; this records it
/// as "403 Forbidden" before the default handler answers.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler(CommandAuditor auditor) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<AuditAction>() is { } action)
        {
            await auditor.RecordRefusalAsync(context, action.Name, $"{StatusCodes.Status403Forbidden} Forbidden").ConfigureAwait(false);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }
}
