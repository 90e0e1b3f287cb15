using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Diagnostics;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.Hosting;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>
/// Audits refused commands: one <see cref="CommandRefused"/> on the "audit/refusals" stream. An accepted command needs
/// nothing here — its grain appended a <c>command.accepted</c> record with its events, in the same append.
/// </summary>
internal sealed class CommandAuditor(IGrainFactory grains, TimeProvider time, GatewayInstruments instruments, ILogger<CommandAuditor> log)
{
    public async Task RecordRefusalAsync(HttpContext context, string action, string outcome)
    {
        instruments.CommandRefused();
        var target = AuditTarget.Of(context);
        if (!context.User.TryToActor(out var actor))
        {
            ApiLog.AuditSkipped(log, action, target);
            return;
        }
        var refusal = new CommandRefused(actor.Subject, actor.Role, actor.Agency, action, target, outcome, time.GetUtcNow());
        await grains.Reference<IRefusalAuditGrain>(IRefusalAuditGrain.Key).Record(refusal).ConfigureAwait(false);
    }
}
