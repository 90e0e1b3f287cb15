using Microsoft.AspNetCore.Builder;

namespace PolicingHub.Gateway.Api.Audit;

internal static class AuditedExtensions
{
    /// <summary>Marks the endpoint as a command audited under <paramref name="action"/> by <see cref="AuditFilter"/>.</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder endpoint, string action) => endpoint.WithMetadata(new AuditAction(action));
}
