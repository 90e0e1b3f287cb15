namespace PolicingHub.Runtime.Storage;

/// <summary>The idempotency key of a call and the method it was sent to ("Interface.Method").</summary>
public sealed record CommandKey(string IdempotencyKey, string Method);
