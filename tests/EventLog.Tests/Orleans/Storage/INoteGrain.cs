using Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>A grain with one persistent state, written, read and cleared through <c>IPersistentState</c>.</summary>
public interface INoteGrain : IGrainWithStringKey
{
    Task<NoteState> Read();

    Task<string?> ETag();

    Task Write(string text);

    Task Clear();
}
