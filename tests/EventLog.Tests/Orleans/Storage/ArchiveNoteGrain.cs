using Orleans;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Tests.Orleans;

public sealed class ArchiveNoteGrain([PersistentState("note", ArchiveNoteGrain.StorageName)] IPersistentState<NoteState> note)
    : Grain, IArchiveNoteGrain
{
    public const string StorageName = "archive";

    public Task<NoteState> Read() => Task.FromResult(note.State);

    public Task Write(string text)
    {
        note.State.Text = text;
        note.State.Revision++;
        return note.WriteStateAsync();
    }
}
