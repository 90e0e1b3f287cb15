using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Audit;
using PolicingHub.Runtime;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>Appends one <see cref="AuditEntry"/> for a command to the hub's audit log grain.</summary>
internal sealed class CommandAuditor(IGrainFactory grains, TimeProvider time, ILogger<CommandAuditor> log)
{
    public async Task RecordAsync(HttpContext context, string action, string outcome)
    {
        var target = AuditTarget.Of(context);
        if (!context.User.TryToActor(out var actor))
        {
            ApiLog.AuditSkipped(log, action, target);
            return;
        }
        var entry = new AuditEntry(actor.Subject, actor.Role, actor.Agency, action, target, outcome, time.GetUtcNow());
        await grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Key).Append(entry).ConfigureAwait(false);
    }
}
