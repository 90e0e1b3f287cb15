using System.Text.Json;

namespace PolicingHub.Runtime.Invocation;

/// <summary>The answer to an <see cref="InvocationMessage"/>: a result (absent for void) or a typed error.</summary>
public sealed record InvocationResponse(string CorrelationId, JsonElement? Result, GrainError? Error);
