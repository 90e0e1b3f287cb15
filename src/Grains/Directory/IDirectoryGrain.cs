using PolicingHub.Grains.Model;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Directory;

/// <summary>The hub's directory (key "hub"): the other grains add themselves when created, so listings need no scan.</summary>
public interface IDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "hub";

    Task AddAgency(AgencyCode agency);

    Task AddAgreement(AgreementId agreement);

    Task AddTask(TaskId task);

    [ReadOnly]
    Task<DirectoryView> Get();
}
