namespace PolicingHub.Grains.Audit;

/// <summary>
/// The result of recomputing the chain over the whole log: every seal (checkpoint) checked, and where the chain broke
/// first — the seal whose link does not match, so the tampering lies in positions (<see cref="BrokenAfter"/>, <see cref="BrokenAt"/>].
/// </summary>
[GenerateSerializer, Immutable, Alias("ph.AuditVerification")]
public sealed record AuditVerification(
    [property: Id(0)] bool Valid,
    [property: Id(1)] long EventsChecked,
    [property: Id(2)] int SealsChecked,
    [property: Id(3)] long SealedUpTo,
    [property: Id(4)] long? BrokenAfter,
    [property: Id(5)] long? BrokenAt,
    [property: Id(6)] string Message);
