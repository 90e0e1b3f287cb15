using System.Text.Json;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.EventSourcing;

/// <summary>
/// Appended with every accepted command's events, in the same atomic append: who issued which command (the audit
/// record), and — when it carried an idempotency key — the key, the command's fingerprint and its outcome, so a retry
/// gets the same answer and a different command under the same key is refused. Never sent to consoles.
/// </summary>
[GenerateSerializer, Immutable, Alias(TypeName)]
public sealed record CommandAccepted(
    [property: Id(0)] string Command,
    [property: Id(1)] string Subject,
    [property: Id(2)] ActorRole Role,
    [property: Id(3)] string? Agency,
    [property: Id(4)] string? IdempotencyKey,
    [property: Id(5)] string? Fingerprint,
    [property: Id(6)] JsonElement? Outcome)
{
    public const string TypeName = "command.accepted";
}
