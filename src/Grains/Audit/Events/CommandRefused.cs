using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Audit.Events;

/// <summary>A command the hub refused (its outcome, e.g. "403 Forbidden"): accepted commands are audited by their own events.</summary>
[GenerateSerializer, Immutable, Alias("audit.command-refused")]
public sealed record CommandRefused(
    [property: Id(0)] string Subject,
    [property: Id(1)] ActorRole Role,
    [property: Id(2)] string? Agency,
    [property: Id(3)] string Action,
    [property: Id(4)] string? Target,
    [property: Id(5)] string Outcome,
    [property: Id(6)] DateTimeOffset At);
