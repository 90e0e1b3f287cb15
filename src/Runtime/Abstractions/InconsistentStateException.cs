namespace PolicingHub.Runtime;

/// <summary>A conditional write found a different ETag in the store: someone else wrote first. Nothing was written.</summary>
public sealed class InconsistentStateException(string message, string? storedETag = null, string? currentETag = null)
    : Exception(message)
{
    public string? StoredETag { get; } = storedETag;

    public string? CurrentETag { get; } = currentETag;
}
