using PolicingHub.Runtime.Tests.Grains;
using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Invocation;

public sealed class CopySemanticsTests
{
    [Fact]
    public async Task A_mutable_argument_is_copied_so_later_changes_by_the_caller_do_not_reach_the_grain()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IBoxGrain>("b1");
        var basket = new Basket { Items = ["passport scan"] };

        await grain.Keep(basket);
        basket.Items.Add("added after the call");

        Assert.Equal(["passport scan"], (await grain.Kept()).Items);
    }

    [Fact]
    public async Task A_mutable_result_is_copied_so_changes_by_the_caller_do_not_reach_the_grain()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IBoxGrain>("b2");
        await grain.Keep(new Basket { Items = ["one"] });

        (await grain.Kept()).Items.Add("changed by caller");

        Assert.Equal(["one"], (await grain.Kept()).Items);
    }

    [Fact]
    public async Task An_immutable_record_is_passed_by_reference_without_a_copy()
    {
        await using var silo = await TestSilo.StartAsync();
        var note = new Note("handover at 09:00", silo.Time.GetUtcNow());
        silo.Probe.Shared = note;

        Assert.True(await silo.Grains.GetGrain<IBoxGrain>("b3").ReceivedSameNote(note));
    }
}
