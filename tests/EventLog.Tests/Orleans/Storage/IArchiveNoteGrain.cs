using Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>Like <see cref="INoteGrain"/>, but its state lives in the named storage <see cref="ArchiveNoteGrain.StorageName"/>.</summary>
public interface IArchiveNoteGrain : IGrainWithStringKey
{
    Task<NoteState> Read();

    Task Write(string text);
}
