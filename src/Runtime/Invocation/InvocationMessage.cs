using System.Text.Json;

namespace PolicingHub.Runtime.Invocation;

/// <summary>A grain call as it crosses a process boundary. Interface is the grain interface's full name.</summary>
public sealed record InvocationMessage(
    string CorrelationId,
    string GrainType,
    string GrainKey,
    string Interface,
    string Method,
    IReadOnlyList<JsonElement> Arguments,
    DateTimeOffset Deadline,
    string? IdempotencyKey);
