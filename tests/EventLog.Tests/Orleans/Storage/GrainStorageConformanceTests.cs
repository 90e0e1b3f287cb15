using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>
/// What the default grain storage of a silo must do, in the shape of Orleans' GrainStorageTestRunner: one abstract
/// suite, one subclass per backend that only adds the storage. The storage is taken from a real silo (its keyed
/// <see cref="IGrainStorage"/>), so the provider runs with Orleans' own serializer, options and lifecycle.
/// This part drives the storage directly; <c>GrainStorageConformanceTests.Grains.cs</c> goes through grains.
/// </summary>
public abstract partial class GrainStorageConformanceTests : IAsyncLifetime
{
    private const string StateName = "test-state";

    private readonly List<TestSilo> _silos = [];

    protected string ServiceId { get; } = $"storage-{Guid.NewGuid():N}";

    protected TestSilo Silo => _silos[^1];

    protected IGrainStorage Storage => Silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    /// <summary>Adds the storage under test as the silo's default, over this test's store (the same for every silo it starts).</summary>
    protected abstract void AddDefaultStorage(ISiloBuilder silo);

    public virtual async Task InitializeAsync() => await StartSiloAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reading_a_state_never_written_gives_a_new_state_without_etag_or_record()
    {
        var state = new GrainState<NoteState> { State = new NoteState { Text = "left over" } };

        await Storage.ReadStateAsync(StateName, Grain("string"), state);

        Assert.Equal(new NoteState(), state.State);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Theory]
    [InlineData("string")]
    [InlineData("long")]
    [InlineData("long+extension")]
    [InlineData("guid")]
    [InlineData("guid+extension")]
    public async Task A_written_state_reads_back_with_the_etag_the_write_gave_it(string keyKind)
    {
        var grain = Grain(keyKind);
        var written = new GrainState<NoteState> { State = new NoteState { Text = "Привет, мир — ✓", Revision = 7 } };

        await Storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(grain);

        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal(written.State, read.State);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Each_write_gives_a_new_etag()
    {
        var grain = Grain("string");
        var state = new GrainState<NoteState> { State = new NoteState { Text = "one" } };
        var etags = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            state.State.Revision = i;
            await Storage.WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        Assert.Equal(3, etags.Distinct().Count());
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_with_InconsistentStateException_and_the_latest_state_stays()
    {
        var grain = Grain("long");
        var current = new GrainState<NoteState> { State = new NoteState { Text = "initial" } };
        await Storage.WriteStateAsync(StateName, grain, current);
        var staleETag = current.ETag;
        current.State = new NoteState { Text = "latest", Revision = 2 };
        await Storage.WriteStateAsync(StateName, grain, current);

        var stale = new GrainState<NoteState> { State = new NoteState { Text = "stale" }, ETag = staleETag, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, stale));

        var read = await ReadAsync(grain);
        Assert.Equal(current.State, read.State);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task A_first_write_for_a_state_someone_already_wrote_is_refused_with_InconsistentStateException()
    {
        var grain = Grain("guid");
        await Storage.WriteStateAsync(StateName, grain, new GrainState<NoteState> { State = new NoteState { Text = "first" } });

        var duplicate = new GrainState<NoteState> { State = new NoteState { Text = "second activation" } };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, duplicate));

        Assert.Equal("first", (await ReadAsync(grain)).State?.Text);
    }

    [Fact]
    public async Task Clearing_gives_a_new_etag_a_new_state_and_a_later_write_with_that_etag_succeeds()
    {
        var grain = Grain("string");
        var state = new GrainState<NoteState> { State = new NoteState { Text = "to clear", Revision = 1 } };
        await Storage.WriteStateAsync(StateName, grain, state);
        var writtenETag = state.ETag;

        await Storage.ClearStateAsync(StateName, grain, state);
        var clearedETag = state.ETag;
        var afterClear = await ReadAsync(grain);

        Assert.NotEqual(writtenETag, clearedETag);
        Assert.False(state.RecordExists);
        Assert.Equal(new NoteState(), afterClear.State);
        Assert.False(afterClear.RecordExists);

        state.State = new NoteState { Text = "second life", Revision = 2 };
        await Storage.WriteStateAsync(StateName, grain, state);

        Assert.NotEqual(clearedETag, state.ETag);
        Assert.Equal(state.State, (await ReadAsync(grain)).State);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_is_refused_with_InconsistentStateException()
    {
        var grain = Grain("string");
        var state = new GrainState<NoteState> { State = new NoteState { Text = "v1" } };
        await Storage.WriteStateAsync(StateName, grain, state);
        var stale = new GrainState<NoteState> { State = state.State, ETag = state.ETag, RecordExists = true };
        await Storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, stale));
        Assert.Equal(state.ETag, (await ReadAsync(grain)).ETag);
    }

    [Fact]
    public async Task Two_state_names_of_one_grain_are_kept_apart()
    {
        var grain = Grain("string");
        await Storage.WriteStateAsync("first", grain, new GrainState<NoteState> { State = new NoteState { Text = "a" } });
        await Storage.WriteStateAsync("second", grain, new GrainState<NoteState> { State = new NoteState { Text = "b" } });

        var first = new GrainState<NoteState> { State = new NoteState() };
        var second = new GrainState<NoteState> { State = new NoteState() };
        await Storage.ReadStateAsync("first", grain, first);
        await Storage.ReadStateAsync("second", grain, second);

        Assert.Equal("a", first.State.Text);
        Assert.Equal("b", second.State.Text);
    }

    [Fact]
    public async Task States_of_many_grains_written_in_parallel_each_read_back_with_their_own_etag()
    {
        var grains = Enumerable.Range(0, 40).Select(_ => Grain("guid+extension")).ToList();

        var written = await Task.WhenAll(grains.Select(async (grain, i) =>
        {
            var state = new GrainState<NoteState> { State = new NoteState { Text = $"grain {i}", Revision = i } };
            await Storage.WriteStateAsync(StateName, grain, state);
            state.State.Revision += 100;
            await Storage.WriteStateAsync(StateName, grain, state);
            return state;
        }));

        for (var i = 0; i < grains.Count; i++)
        {
            var read = await ReadAsync(grains[i]);
            Assert.Equal(written[i].State, read.State);
            Assert.Equal(written[i].ETag, read.ETag);
        }
    }

    protected async Task<TestSilo> StartSiloAsync()
    {
        var silo = await TestSilo.StartAsync(ServiceId, AddDefaultStorage);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Stops the running silo (the store stays) and starts a new one over the same store.</summary>
    protected async Task<TestSilo> RestartSiloAsync()
    {
        var old = Silo;
        await old.DisposeAsync();
        _silos.Remove(old);
        return await StartSiloAsync();
    }

    private async Task<GrainState<NoteState>> ReadAsync(GrainId grain)
    {
        var state = new GrainState<NoteState> { State = new NoteState() };
        await Storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private static GrainId Grain(string keyKind)
    {
        var type = GrainType.Create("storage-test");
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        return keyKind switch
        {
            "string" => GrainId.Create(type, $"note-{Guid.NewGuid():N}"),
            "long" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number)),
            "long+extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number, "ext/#?")),
            "guid" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
            "guid+extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "расширение")),
            _ => throw new ArgumentOutOfRangeException(nameof(keyKind), keyKind, null),
        };
    }
}
