namespace PolicingHub.Runtime;

/// <summary>
/// An error that crossed a serialization boundary (a recorded outcome or, later, the wire) and whose type could not
/// be rebuilt on this side. Carries the original type name and message.
/// </summary>
public sealed class GrainInvocationException(string errorType, string message) : Exception(message)
{
    public string ErrorType { get; } = errorType;
}
