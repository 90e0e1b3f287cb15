using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Directory;

/// <summary>The hub's directory: agencies, agreements and tasks add themselves once; adding again changes nothing.</summary>
[GrainType("directory")]
public sealed class DirectoryGrain([PersistentState("directory")] IPersistentState<DirectoryState> state) : Grain, IDirectoryGrain
{
    public Task AddAgency(AgencyCode agency) => Save(state.State with { Agencies = state.State.Agencies.With(agency) });

    public Task AddAgreement(AgreementId agreement) => Save(state.State with { Agreements = state.State.Agreements.With(agreement) });

    public Task AddTask(TaskId task) => Save(state.State with { Tasks = state.State.Tasks.With(task) });

    public Task<DirectoryView> Get() => Task.FromResult(new DirectoryView(state.State.Agencies, state.State.Agreements, state.State.Tasks));

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
