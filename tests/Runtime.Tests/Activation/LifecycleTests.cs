using PolicingHub.Runtime.Tests.Grains;
using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Activation;

public sealed class LifecycleTests
{
    [Fact]
    public async Task The_first_call_activates_the_grain_once()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("once");

        var generations = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.Generation())).Within();

        Assert.All(generations, g => Assert.Equal(1, g));
        Assert.Equal(1, silo.Probe.Count("activated:once"));
    }

    [Fact]
    public async Task An_activation_idle_past_the_collection_age_is_deactivated_and_the_next_call_activates_it_again()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("idle");
        Assert.Equal(1, await grain.Generation());

        silo.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, silo.Probe.Count("deactivated:idle:Idle"));
        silo.Time.Advance(TimeSpan.FromMinutes(2));

        await silo.Probe.WhenNoted("deactivated:idle:Idle").Within();
        Assert.Equal(2, await grain.Generation().Within());
    }

    [Fact]
    public async Task Calls_keep_an_activation_alive()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("busy");

        for (var minute = 0; minute < 40; minute += 10)
        {
            Assert.Equal(1, await grain.Generation());
            silo.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(0, silo.Probe.Count("deactivated:busy:Idle"));
    }

    [Fact]
    public async Task The_collection_age_is_configurable()
    {
        await using var silo = await TestSilo.StartAsync(options: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(2);
            o.CollectionQuantum = TimeSpan.FromSeconds(30);
        });
        await silo.Grains.GetGrain<ILifecycleGrain>("short").Generation();

        silo.Time.Advance(TimeSpan.FromMinutes(2.5));

        await silo.Probe.WhenNoted("deactivated:short:Idle").Within();
    }

    [Fact]
    public async Task A_grain_that_asks_to_deactivate_finishes_its_call_and_the_next_call_gets_a_new_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("asks");
        Assert.Equal(1, await grain.Generation());

        await grain.DeactivateWhenDone();
        await silo.Probe.WhenNoted("deactivated:asks:Requested").Within();

        Assert.Equal(2, await grain.Generation().Within());
    }

    [Fact]
    public async Task Calls_queued_while_a_grain_deactivates_are_served_by_its_next_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("handover");
        await grain.Generation();

        var deactivate = grain.DeactivateWhenDone();
        var after = Enumerable.Range(0, 20).Select(_ => grain.Generation()).ToArray();
        await deactivate.Within();
        var generations = await Task.WhenAll(after).Within();

        Assert.All(generations, g => Assert.Equal(2, g));
    }

    [Fact]
    public async Task Stopping_the_silo_deactivates_every_activation()
    {
        var probe = new Probe();
        var silo = await TestSilo.StartAsync(probe: probe);
        await silo.Grains.GetGrain<ILifecycleGrain>("s1").Generation();
        await silo.Grains.GetGrain<ILifecycleGrain>("s2").Generation();

        await silo.DisposeAsync();

        Assert.Equal(1, probe.Count("deactivated:s1:ShuttingDown"));
        Assert.Equal(1, probe.Count("deactivated:s2:ShuttingDown"));
    }
}
