using System.Collections.Immutable;

namespace PolicingHub.Runtime.Tests.Grains;

public sealed record SequenceEntry(int Caller, int Number);

public interface ISequenceGrain : IGrainWithStringKey
{
    Task Append(int caller, int number);

    Task<ImmutableArray<SequenceEntry>> Entries();

    /// <summary>True when two calls ever ran at the same time on this activation.</summary>
    Task<bool> SawOverlap();
}

public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private ImmutableArray<SequenceEntry> _entries = [];
    private int _inFlight;
    private bool _overlap;

    public async Task Append(int caller, int number)
    {
        if (Interlocked.Increment(ref _inFlight) > 1)
        {
            _overlap = true;
        }
        await Task.Yield(); // give a concurrent call every chance to slip in if the runtime allowed it
        _entries = _entries.Add(new SequenceEntry(caller, number));
        Interlocked.Decrement(ref _inFlight);
    }

    public Task<ImmutableArray<SequenceEntry>> Entries() => Task.FromResult(_entries);

    public Task<bool> SawOverlap() => Task.FromResult(_overlap);
}
