using Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>A small state for the grain storage suite (Orleans-serialized, compared by value).</summary>
[GenerateSerializer, Alias("PolicingHub.EventLog.Tests.NoteState")]
public sealed record NoteState
{
    [Id(0)] public string? Text { get; set; }

    [Id(1)] public int Revision { get; set; }
}
