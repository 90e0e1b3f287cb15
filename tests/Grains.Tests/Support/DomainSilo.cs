using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Directory;
using PolicingHub.Grains.Tasks;
using PolicingHub.Runtime;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Hosting;
using PolicingHub.Runtime.Invocation;
using PolicingHub.Runtime.Storage;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>A one-silo host running the domain grains on the in-memory store with a hand-moved clock.</summary>
public sealed class DomainSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private DomainSilo(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IEventLog Log => Services.GetRequiredService<IEventLog>();

    public FakeTimeProvider Time { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <param name="configure">Runs after the runtime and grains are added (e.g. to decorate a store).</param>
    public static async Task<DomainSilo> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var time = new FakeTimeProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services
            .AddPolicingHubRuntime(o =>
            {
                o.CollectionAge = TimeSpan.FromDays(1);
                o.CollectionQuantum = TimeSpan.FromHours(1);
            })
            .AddPolicingHubGrains()
            .UseInMemoryStore();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new DomainSilo(host, time);
    }

    public IAgencyGrain Agency(string code, CallOptions? options = null) => Get<IAgencyGrain>(code, options);

    public IAgreementGrain Agreement(string id, CallOptions? options = null) => Get<IAgreementGrain>(id, options);

    public ICooperationTaskGrain Task(string id, CallOptions? options = null) => Get<ICooperationTaskGrain>(id, options);

    public IAuditLogGrain Audit => Grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Key);

    public IDirectoryGrain Directory => Grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key);

    /// <summary>The global log position now; pass it to <see cref="EventsSince"/>.</summary>
    public Task<long> Mark() => Log.GetLastPositionAsync();

    /// <summary>Every event committed after <paramref name="mark"/>, as "stream:type", in commit order.</summary>
    public async Task<IReadOnlyList<string>> EventsSince(long mark)
        => [.. (await Log.ReadAsync(mark, 100_000)).Select(e => $"{e.Stream}:{e.Type}")];

    /// <summary>The event types of one stream, in order.</summary>
    public async Task<IReadOnlyList<string>> EventTypes(string stream) => [.. (await Events(stream)).Select(e => e.Type)];

    public Task<IReadOnlyList<EventEnvelope>> Events(string stream) => Log.ReadStreamAsync(stream, 0, 100_000);

    /// <summary>Completes once <paramref name="stream"/> holds at least <paramref name="count"/> events of <paramref name="type"/>.</summary>
    public async Task WhenEvent(string stream, string type, int count = 1)
    {
        using var signal = new SemaphoreSlim(0);
        using var subscription = Services.GetRequiredService<IEventBus>().Subscribe(_ => signal.Release());
        var deadline = DateTime.UtcNow + Eventually.Limit;
        while ((await EventTypes(stream)).Count(t => t == type) < count)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero && await signal.WaitAsync(left), $"{stream} did not get {count} × {type} in time");
        }
    }

    /// <summary>A grain's stored state, read straight from the store.</summary>
    public async Task<T> StoredState<T>(string grainType, string key, string stateName)
    {
        var stored = await Services.GetRequiredService<IGrainStorage>().ReadAsync(new GrainId(grainType, key), stateName);
        Assert.NotNull(stored?.Payload);
        return (T)Services.GetRequiredService<RuntimeJson>().Deserialize(stored.Payload, typeof(T))!;
    }

    public string Json<T>(T value) => Services.GetRequiredService<RuntimeJson>().Serialize(value, typeof(T));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }

    private T Get<T>(string key, CallOptions? options) where T : IGrainWithStringKey
        => options is null ? Grains.GetGrain<T>(key) : Grains.GetGrain<T>(key, options);
}
