using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Grains;

/// <summary>An immutable message: sealed record of immutable members, passed by reference.</summary>
public sealed record Note(string Text, DateTimeOffset At);

/// <summary>A mutable message: copied on every call.</summary>
public sealed class Basket
{
    public List<string> Items { get; set; } = [];
}

public interface IBoxGrain : IGrainWithStringKey
{
    Task Keep(Basket basket);

    Task<Basket> Kept();

    /// <summary>True when the note the grain received is the very object the test put in the probe.</summary>
    Task<bool> ReceivedSameNote(Note note);
}

public sealed class BoxGrain(Probe probe) : Grain, IBoxGrain
{
    private Basket _kept = new();

    public Task Keep(Basket basket)
    {
        _kept = basket;
        return Task.CompletedTask;
    }

    public Task<Basket> Kept() => Task.FromResult(_kept);

    public Task<bool> ReceivedSameNote(Note note) => Task.FromResult(ReferenceEquals(note, probe.Shared));
}
