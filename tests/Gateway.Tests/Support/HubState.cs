using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Runtime.Events;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>What the event log holds: domain events (everything but audit entries) and the audit entries, in order.</summary>
public sealed record HubState(int DomainEvents, IReadOnlyList<AuditEntry> Audit)
{
    public const string AuditEventType = "audit.recorded";

    public AuditEntry LastAudit => Audit[^1];

    public static async Task<HubState> ReadAsync(GatewayFactory factory)
    {
        var events = await factory.Services.GetRequiredService<IEventLog>().ReadAsync(0, int.MaxValue);
        var audit = events
            .Where(e => e.Type == AuditEventType)
            .Select(e => e.Data.Deserialize<AuditRecorded>(HttpJson.Options)!.Entry)
            .ToList();
        return new HubState(events.Count - audit.Count, audit);
    }
}
