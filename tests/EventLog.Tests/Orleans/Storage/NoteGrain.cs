using Orleans;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>Keeps its note in the default grain storage, under the state name <see cref="StateName"/>.</summary>
public sealed class NoteGrain([PersistentState(NoteGrain.StateName)] IPersistentState<NoteState> note) : Grain, INoteGrain
{
    public const string StateName = "note";

    public Task<NoteState> Read() => Task.FromResult(note.State);

    public Task<string?> ETag() => Task.FromResult(note.Etag);

    public Task Write(string text)
    {
        note.State.Text = text;
        note.State.Revision++;
        return note.WriteStateAsync();
    }

    public Task Clear() => note.ClearStateAsync();
}
