using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Providers;
using Orleans.Storage;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>The same storage, reached the way grains reach it: <c>[PersistentState]</c> on <see cref="NoteGrain"/>.</summary>
public abstract partial class GrainStorageConformanceTests
{
    [Fact]
    public async Task A_grain_writes_reads_and_clears_its_persistent_state()
    {
        var grain = Silo.Grains.GetGrain<INoteGrain>($"note-{Guid.NewGuid():N}");

        await grain.Write("hello");
        var written = await grain.Read();
        await grain.Clear();
        var cleared = await grain.Read();

        Assert.Equal(new NoteState { Text = "hello", Revision = 1 }, written);
        Assert.Equal(new NoteState(), cleared);
    }

    [Fact]
    public async Task A_grains_state_survives_a_silo_restart_on_the_same_store()
    {
        var key = $"note-{Guid.NewGuid():N}";
        await Silo.Grains.GetGrain<INoteGrain>(key).Write("before restart");
        var etag = await Silo.Grains.GetGrain<INoteGrain>(key).ETag();

        await RestartSiloAsync();
        var grain = Silo.Grains.GetGrain<INoteGrain>(key);

        Assert.Equal(new NoteState { Text = "before restart", Revision = 1 }, await grain.Read());
        Assert.Equal(etag, await grain.ETag());
        await grain.Write("after restart");
        Assert.Equal(2, (await grain.Read()).Revision);
    }

    [Fact]
    public async Task A_write_behind_a_grains_back_makes_its_next_write_fail_with_InconsistentStateException()
    {
        var grain = Silo.Grains.GetGrain<INoteGrain>($"note-{Guid.NewGuid():N}");
        await grain.Write("mine");

        // A second writer (as a second activation would be) moves the stored state on.
        var behind = new GrainState<NoteState> { State = new NoteState() };
        await Storage.ReadStateAsync(NoteGrain.StateName, grain.GetGrainId(), behind);
        behind.State = new NoteState { Text = "theirs", Revision = 99 };
        await Storage.WriteStateAsync(NoteGrain.StateName, grain.GetGrainId(), behind);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Write("mine again"));

        var stored = new GrainState<NoteState> { State = new NoteState() };
        await Storage.ReadStateAsync(NoteGrain.StateName, grain.GetGrainId(), stored);
        Assert.Equal("theirs", stored.State.Text);
    }
}
