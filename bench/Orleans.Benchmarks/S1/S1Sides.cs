using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using PolicingHub.Benchmarks.Common;

namespace PolicingHub.Benchmarks.S1;

/// <summary>One side of S1: <see cref="Keys"/> actors or grains answering Add(amount) with their new total.</summary>
internal abstract class S1Side
{
    public const int Keys = 10_000;

    public abstract string Name { get; }

    /// <summary>
    /// The tuned calling pattern: after every <see cref="YieldEvery"/> answers the caller yields (<c>await Task.Yield()</c>),
    /// so that its next call starts from the thread pool's global FIFO queue instead of the worker's LIFO local queue.
    /// 0: never.
    /// </summary>
    public virtual int YieldEvery => 0;

    public abstract ValueTask<int> Call(int key, int amount);
}

/// <summary>The baseline: one hand-written Channel actor per key (<see cref="ChannelCounterActor"/>).</summary>
internal sealed class ChannelSide : S1Side, IAsyncDisposable
{
    private readonly ChannelCounterActor[] _actors = new ChannelCounterActor[Keys];

    public ChannelSide()
    {
        for (var i = 0; i < Keys; i++)
        {
            _actors[i] = new ChannelCounterActor(yieldInTurn: false);
        }
    }

    public override string Name => "channel actors (baseline)";

    public override ValueTask<int> Call(int key, int amount) => new(_actors[key].Add(amount));

    public async ValueTask DisposeAsync()
    {
        foreach (var actor in _actors)
        {
            actor.Stop();
        }
        await Task.WhenAll(_actors.Select(a => a.Completion)).WaitAsync(TimeSpan.FromSeconds(30));
    }
}

/// <summary>Orleans with the grain as one writes it first (<see cref="ICounterGrain"/>); references cached, one per key.</summary>
internal sealed class DefaultGrainSide(string name, IGrainFactory factory) : S1Side
{
    private readonly ICounterGrain[] _grains = [.. Enumerable.Range(0, Keys).Select(k => factory.GetGrain<ICounterGrain>(k))];

    public override string Name => name;

    public override ValueTask<int> Call(int key, int amount) => new(_grains[key].Add(new AddRequest(amount)));
}

/// <summary>Orleans with the tuned grain (<see cref="ITunedCounterGrain"/>); references cached, one per key.</summary>
internal sealed class TunedGrainSide(string name, IGrainFactory factory, int yieldEvery) : S1Side
{
    public override int YieldEvery => yieldEvery;

    private readonly ITunedCounterGrain[] _grains = [.. Enumerable.Range(0, Keys).Select(k => factory.GetGrain<ITunedCounterGrain>(k))];

    public override string Name => name;

    public override ValueTask<int> Call(int key, int amount) => _grains[key].Add(new AddAmount(amount));
}

/// <summary>
/// A real one-silo cluster in this process (<c>UseLocalhostClustering</c> on free ports, its own cluster and service ids),
/// called from inside the silo process through its <see cref="IGrainFactory"/>, as the gateway calls grains.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <param name="tunedOptions">
    /// False: Orleans' defaults. True: <see cref="MessagingOptions.DropExpiredMessages"/> off (no time-to-live stamped on
    /// each request and no expiry checks on the way in, out and back; a call still times out after
    /// <see cref="MessagingOptions.ResponseTimeout"/>), and <see cref="MessagingOptions.ResponseTimeout"/> cut from 30 s to
    /// 5 s so that a lost call fails fast instead of holding a caller.
    /// </param>
    public static async Task<BenchSilo> StartAsync(string id, bool tunedOptions)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(Machine.FreePort(), Machine.FreePort(), null, serviceId: $"bench-{id}", clusterId: $"bench-{id}");
            if (tunedOptions)
            {
                silo.Configure<SiloMessagingOptions>(o =>
                {
                    o.DropExpiredMessages = false;
                    o.ResponseTimeout = TimeSpan.FromSeconds(5);
                });
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }
}
