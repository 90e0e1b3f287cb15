namespace PolicingHub.Runtime.Invocation;

/// <summary>An exception as data: its full type name and message, rebuilt as the same type on the other side when known.</summary>
public sealed record GrainError(string Type, string Message);
