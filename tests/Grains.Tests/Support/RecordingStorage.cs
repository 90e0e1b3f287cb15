using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Runtime;
using PolicingHub.Runtime.Storage;
using PolicingHub.Runtime.Storage.InMemory;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>The in-memory store, remembering every state write (grain, state name, payload length) in order.</summary>
public sealed class RecordingStorage(InMemoryStore inner) : IGrainStorage
{
    private readonly ConcurrentQueue<(GrainId Grain, string StateName, int Length)> _writes = new();

    /// <summary>Replaces the silo's <see cref="IGrainStorage"/> by a recording one over its in-memory store.</summary>
    public static void Install(IServiceCollection services)
    {
        services.AddSingleton(sp => new RecordingStorage(sp.GetRequiredService<InMemoryStore>()));
        services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<RecordingStorage>());
    }

    public IReadOnlyList<(GrainId Grain, string StateName, int Length)> Writes => [.. _writes];

    public void Clear() => _writes.Clear();

    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
        => inner.ReadAsync(grainId, stateName, cancellationToken);

    public Task<WriteOutcome> WriteAsync(StateWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        _writes.Enqueue((write.GrainId, write.StateName, write.Payload.Length));
        return inner.WriteAsync(write, cancellationToken);
    }

    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default)
        => inner.ClearAsync(grainId, stateName, expectedETag, cancellationToken);
}
