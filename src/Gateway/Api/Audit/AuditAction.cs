namespace PolicingHub.Gateway.Api.Audit;

/// <summary>Endpoint metadata: this endpoint is a command, audited under this action name (e.g. "task.assign").</summary>
internal sealed record AuditAction(string Name);
