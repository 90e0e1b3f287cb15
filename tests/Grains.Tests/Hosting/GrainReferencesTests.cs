using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Hosting;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Hosting;

/// <summary>The cached references are the ones Orleans' GetGrain makes: same grain, same interface, and calls reach the grain.</summary>
public sealed class GrainReferencesTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public void A_reference_names_the_grain_and_interface_GetGrain_names_for_every_key()
    {
        foreach (var key in new[] { "T-1", "T-2", "한국-일본" })
        {
            AssertSame(silo.Grains.GetGrain<ICooperationTaskGrain>(key), silo.Grains.Reference<ICooperationTaskGrain>(key));
            AssertSame(silo.Grains.GetGrain<IAgreementGrain>(key), silo.Grains.Reference<IAgreementGrain>(key));
            AssertSame(silo.Grains.GetGrain<IAgencyGrain>(key), silo.Grains.Reference<IAgencyGrain>(key));
        }
        Assert.Throws<ArgumentException>(() => silo.Grains.Reference<ICooperationTaskGrain>(" "));
    }

    [Fact]
    public async Task A_call_through_a_reference_reaches_the_grain_GetGrain_reaches()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");

        var assigned = await silo.Grains.Reference<ICooperationTaskGrain>(id).Assign(hub.Assign());

        Assert.Equal(assigned, await silo.Grains.GetGrain<ICooperationTaskGrain>(id).Get());
        Assert.Equal(CooperationTaskStatus.Assigned, assigned.Status);
    }

    private static void AssertSame(object expected, object actual)
    {
        var (e, a) = ((GrainReference)expected, (GrainReference)actual);
        Assert.Equal(e.GrainId, a.GrainId);
        Assert.Equal(e.InterfaceType, a.InterfaceType);
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(e, a);
    }
}
