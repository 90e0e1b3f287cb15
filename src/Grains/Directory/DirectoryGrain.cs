using System.Collections.Immutable;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Directory;

/// <summary>
/// The hub's directory: agencies, agreements and tasks add themselves once; adding again changes nothing. Task ids go
/// to pages of at most <see cref="IDirectoryPageGrain.Capacity"/>, so adding one writes a single bounded page (and,
/// once per page, this grain's small state).
/// </summary>
[GrainType("directory")]
public sealed class DirectoryGrain([PersistentState("directory")] IPersistentState<DirectoryState> state) : Grain, IDirectoryGrain
{
    public Task AddAgency(AgencyCode agency) => Save(state.State with { Agencies = state.State.Agencies.With(agency) });

    public Task AddAgreement(AgreementId agreement) => Save(state.State with { Agreements = state.State.Agreements.With(agreement) });

    /// <summary>
    /// Appends to the last page, moving on to a new one when it is full. A page ignores an id it holds; an id repeated
    /// after the directory moved to a later page would be stored twice, and <see cref="Get"/> lists it once.
    /// </summary>
    public async Task AddTask(TaskId task)
    {
        while (!await Page(state.State.TaskPage).TryAdd(task))
        {
            await Save(state.State with { TaskPage = state.State.TaskPage + 1 });
        }
    }

    public async Task<DirectoryView> Get()
    {
        var current = state.State;
        var pages = await Task.WhenAll(Enumerable.Range(0, current.TaskPage + 1).Select(n => Page(n).Get()));
        var seen = new HashSet<TaskId>();
        var tasks = ImmutableArray.CreateBuilder<TaskId>(pages.Sum(p => p.Length));
        foreach (var id in pages.SelectMany(p => p))
        {
            if (seen.Add(id))
            {
                tasks.Add(id);
            }
        }
        return new DirectoryView(current.Agencies, current.Agreements, tasks.DrainToImmutable());
    }

    private IDirectoryPageGrain Page(int page) => GrainFactory.GetGrain<IDirectoryPageGrain>(IDirectoryPageGrain.Key(page));

    private async Task Save(DirectoryState next)
    {
        if (next == state.State)
        {
            return;
        }
        state.State = next;
        await state.WriteStateAsync();
    }
}
