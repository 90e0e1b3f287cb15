using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Audit;

/// <summary>One audited command: who, what, on what, when, and how it ended ("ok" or the error status and title).</summary>
public sealed record AuditEntry(
    string Subject,
    ActorRole Role,
    string? Agency,
    string Action,
    string Target,
    string Outcome,
    DateTimeOffset At);
