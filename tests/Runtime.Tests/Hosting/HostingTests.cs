using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Invocation;
using PolicingHub.Runtime.Tests.Grains;
using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task Invalid_runtime_options_stop_the_host_from_starting_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestSilo.StartAsync(options: o =>
        {
            o.DefaultCallTimeout = TimeSpan.Zero;
            o.CollectionQuantum = TimeSpan.FromHours(1);
        }));

        Assert.Contains("DefaultCallTimeout must be positive (was 00:00:00).", error.Message);
        Assert.Contains("CollectionQuantum must not exceed CollectionAge.", error.Message);
    }

    [Fact]
    public async Task A_grain_interface_method_that_does_not_return_a_task_is_refused_with_its_name()
    {
        await using var silo = await TestSilo.StartAsync();
        var registry = silo.Services.GetRequiredService<GrainTypeRegistry>();

        var error = Assert.Throws<InvalidOperationException>(() => registry.GetInterface(typeof(IBadGrain)));

        Assert.Equal("IBadGrain.Count returns Int32; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.", error.Message);
    }

    [Fact]
    public async Task Calls_are_counted_and_timed_on_the_runtime_meter()
    {
        await using var silo = await TestSilo.StartAsync();
        var calls = 0L;
        var durations = 0;
        using var listener = new MeterListener();
        var meter = silo.Services.GetRequiredService<RuntimeMetrics>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument == meter.Calls)
            {
                Interlocked.Add(ref calls, value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument == meter.CallDuration)
            {
                Interlocked.Increment(ref durations);
            }
        });
        listener.Start();

        for (var i = 0; i < 5; i++)
        {
            await silo.Grains.GetGrain<ICounterGrain>("metered").Add(1);
        }

        Assert.Equal(5, Interlocked.Read(ref calls));
        Assert.Equal(5, durations);
    }

    [Fact]
    public async Task A_call_encoded_as_a_message_runs_through_the_same_dispatch_path_and_answers_in_json()
    {
        await using var silo = await TestSilo.StartAsync();
        var messages = silo.Services.GetRequiredService<MessageDispatcher>();
        var grainId = new GrainId("counter", "wire");

        var message = messages.Encode(grainId, typeof(ICounterGrain), nameof(ICounterGrain.Add), [41], TimeSpan.FromSeconds(5));
        var response = await messages.DispatchAsync(message);

        Assert.Null(response.Error);
        Assert.Equal(41, (int)messages.Decode(response, typeof(int))!);
        Assert.Equal(41, await silo.Grains.GetGrain<ICounterGrain>("wire").Get());
    }

    [Fact]
    public async Task An_error_crossing_the_message_path_is_rebuilt_with_its_type_and_message()
    {
        await using var silo = await TestSilo.StartAsync();
        var messages = silo.Services.GetRequiredService<MessageDispatcher>();

        var message = messages.Encode(new GrainId("failing", "wire"), typeof(IFailingGrain), nameof(IFailingGrain.ThrowRule), ["terminated"], TimeSpan.FromSeconds(5));
        var response = await messages.DispatchAsync(message);

        Assert.Equal(new GrainError(typeof(AgreementRuleException).FullName!, "terminated"), response.Error);
        var rebuilt = Assert.Throws<AgreementRuleException>(() => messages.Decode(response, null));
        Assert.Equal("terminated", rebuilt.Message);
    }
}

public interface IBadGrain : IGrainWithStringKey
{
    int Count();
}
