using PolicingHub.Runtime.Tests.Grains;
using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Invocation;

public sealed class CallErrorTests
{
    [Fact]
    public async Task An_exception_reaches_the_caller_with_its_type_and_message_and_the_activation_stays_usable()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IFailingGrain>("f1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Throw("no such agreement"));
        var rule = await Assert.ThrowsAsync<AgreementRuleException>(() => grain.ThrowRule("agreement is suspended"));

        Assert.Equal("no such agreement", error.Message);
        Assert.Equal("agreement is suspended", rule.Message);
        Assert.Equal(42, await grain.Answer());
    }

    [Fact]
    public async Task A_call_past_its_deadline_fails_with_a_timeout_and_the_grain_serves_later_calls()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IGateGrain>("slow", new CallOptions { Timeout = TimeSpan.FromSeconds(5) });

        var call = grain.Hang();
        await silo.Probe.WhenNoted("hang-entered:slow").Within();
        silo.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(call.IsCompleted);
        silo.Time.Advance(TimeSpan.FromSeconds(2));

        var timeout = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call).Within();
        Assert.Contains("IGateGrain.Hang", timeout.Message);
        silo.Probe.Gate.SetResult();
        Assert.Equal("released", await grain.Hang().Within());
    }

    [Fact]
    public async Task The_default_deadline_is_thirty_seconds()
    {
        await using var silo = await TestSilo.StartAsync();
        var call = silo.Grains.GetGrain<IGateGrain>("default").Hang();
        await silo.Probe.WhenNoted("hang-entered:default").Within();

        silo.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        silo.Time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call).Within();
        silo.Probe.Gate.SetResult();
    }

    [Fact]
    public async Task A_call_queued_behind_a_hung_call_times_out_and_never_runs()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IGateGrain>("queue", new CallOptions { Timeout = TimeSpan.FromSeconds(5) });
        var first = grain.Hang();
        await silo.Probe.WhenNoted("hang-entered:queue").Within();
        var queued = grain.WriteBehindGate();

        silo.Time.Advance(TimeSpan.FromSeconds(6));
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => queued).Within();
        silo.Probe.Gate.SetResult();
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => first).Within();

        Assert.Equal("released", await silo.Grains.GetGrain<IGateGrain>("queue").Hang().Within());
        Assert.Equal(0, silo.Probe.Count("write-entered:queue"));
    }

    [Fact]
    public async Task A_failed_activation_fails_the_waiting_call_and_the_next_call_activates_again()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IFlakyActivationGrain>("flaky");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Hello()).Within();

        Assert.Equal("storage unavailable on first activation", error.Message);
        Assert.Equal("hello", await grain.Hello().Within());
    }
}
