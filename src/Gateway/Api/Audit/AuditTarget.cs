using Microsoft.AspNetCore.Http;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>
/// What a command acts on, for its audit entry: set by endpoints that create things (the new id), otherwise read from
/// the route — the agency code, the agreement or task id, and the commitment number ("MOU-1/commitments/2").
/// </summary>
internal static class AuditTarget
{
    private static readonly object ItemKey = new();

    public static void SetAuditTarget(this HttpContext context, string target) => context.Items[ItemKey] = target;

    public static string Of(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var set) && set is string target)
        {
            return target;
        }
        var route = context.Request.RouteValues;
        var id = (route["code"] ?? route["id"])?.ToString();
        return id is null ? "-" : route["n"] is { } number ? $"{id}/commitments/{number}" : id;
    }
}
