namespace PolicingHub.Grains.Audit.Events;

/// <summary>
/// A signed checkpoint of the log: <see cref="Mac"/> is the keyed chain over every event at positions 1..<see cref="UpTo"/>
/// (HMAC-SHA256 with a key kept outside the database). Exported, it lets anyone holding the key prove the log's prefix.
/// </summary>
[GenerateSerializer, Immutable, Alias("audit.sealed")]
public sealed record AuditSealed(
    [property: Id(0)] long UpTo,
    [property: Id(1)] string Mac,
    [property: Id(2)] DateTimeOffset At);
