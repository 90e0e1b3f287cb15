namespace PolicingHub.Runtime;

/// <summary>A grain's durable state. Read on activation; every write is conditional on the ETag last read or written.</summary>
/// <remarks>
/// A write that finds a newer ETag in the store throws <see cref="InconsistentStateException"/>; any failed write
/// deactivates the activation after the current call, so the next call starts again from what is stored.
/// Recommended style: compute the new state, write it, and only then keep it — a failed call then changes nothing.
/// </remarks>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    Task WriteStateAsync();

    /// <summary>Writes the state and appends these events to the grain's stream in one transaction.</summary>
    Task WriteStateAsync(IReadOnlyList<object> events);

    Task ClearStateAsync();
}
