using System.Collections.Immutable;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Directory;

/// <summary>A page of the directory's task ids; see <see cref="IDirectoryPageGrain"/>.</summary>
[GrainType("directory-page")]
internal sealed class DirectoryPageGrain([PersistentState("page")] IPersistentState<DirectoryPageState> state) : Grain, IDirectoryPageGrain
{
    public async Task<bool> TryAdd(TaskId task)
    {
        var tasks = state.State.Tasks;
        if (tasks.Contains(task))
        {
            return true;
        }
        if (tasks.Length >= IDirectoryPageGrain.Capacity)
        {
            return false;
        }
        state.State = state.State with { Tasks = tasks.Add(task) };
        await state.WriteStateAsync();
        return true;
    }

    public Task<ImmutableArray<TaskId>> Get() => Task.FromResult(state.State.Tasks);
}
