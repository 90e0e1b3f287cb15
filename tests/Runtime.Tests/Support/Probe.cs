using System.Collections.Concurrent;

namespace PolicingHub.Runtime.Tests.Support;

/// <summary>What test grains report to the test: a log of notes, and notes a test can await.</summary>
public sealed class Probe
{
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new();

    public IReadOnlyList<string> Notes => [.. _notes];

    public void Note(string note)
    {
        lock (_notes)
        {
            _notes.Enqueue(note);
            Waiter(note).TrySetResult();
            Waiter($"{note}#{Count(note)}").TrySetResult();
        }
    }

    public int Count(string note) => _notes.Count(n => n == note);

    /// <summary>Completes once <paramref name="note"/> has been noted (before or after this call).</summary>
    public Task WhenNoted(string note) => Waiter(note).Task;

    /// <summary>Completes once <paramref name="note"/> has been noted <paramref name="times"/> times.</summary>
    public Task WhenNoted(string note, int times) => Waiter($"{note}#{times}").Task;

    /// <summary>A gate grains await; the test opens it.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public object? Shared { get; set; }

    private TaskCompletionSource Waiter(string note)
        => _waiters.GetOrAdd(note, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
