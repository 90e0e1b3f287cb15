using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.TestingHost;
using PolicingHub.EventLog;
using PolicingHub.EventLog.Hosting;
using PolicingHub.EventLog.InMemory;
using PolicingHub.Grains.Hosting;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>
/// One Orleans silo in an <see cref="InProcessTestCluster"/>, shared by the tests of a class (each test takes its own
/// ids through <see cref="NewHub"/>): the domain grains on the in-memory event log, in-memory reminders, and one
/// hand-moved clock serving as the domain clock and as the reminder service's clock. Orleans' other clocks stay real.
/// The clock is shared as well and only moves forward, so tests state times relative to <see cref="Now"/>; reminders
/// left by earlier tests of the class keep ticking as it moves, in their own streams.
/// </summary>
public sealed class DomainSilo : IAsyncLifetime
{
    /// <summary>Every reminder stays loaded, waiting on the hand-moved clock; the table is re-read once after start, then not for years.</summary>
    private static readonly TimeSpan FarAhead = TimeSpan.FromDays(3650);

    private readonly ReminderClock _reminderClock;
    private readonly ReminderWatch _reminders;
    private InProcessTestCluster? _cluster;
    private int _hubs;

    public DomainSilo()
    {
        _reminderClock = new ReminderClock(Time);
        _reminders = new ReminderWatch(_reminderClock);
    }

    /// <summary>The domain's and the reminders' clock; move it with <see cref="Advance"/>.</summary>
    public FakeTimeProvider Time { get; } = new();

    public DateTimeOffset Now => Time.GetUtcNow();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The silo has not started.");

    /// <summary>The cluster's client: grain calls from tests go through it (and carry its RequestContext).</summary>
    public IClusterClient Grains => Cluster.Client;

    /// <summary>The in-memory log itself, behind the grains' backs (reads, and appends a test makes on purpose).</summary>
    public InMemoryEventLog Log => Services.GetRequiredService<InMemoryEventLog>();

    /// <summary>The log the grains append through: makes chosen appends fail.</summary>
    public FaultyEventLog Faults => Services.GetRequiredService<FaultyEventLog>();

    public IEventLogDoorbell Doorbell => Services.GetRequiredService<IEventLogDoorbell>();

    private IServiceProvider Services => Cluster.Silos[0].ServiceProvider;

    /// <summary>A fresh set of agency codes and ids for one test.</summary>
    public Hub NewHub() => new(this, Interlocked.Increment(ref _hubs));

    /// <summary>
    /// Moves the clock once every reminder has armed its wait, then returns once each tick that fell due has been
    /// delivered (its events appended) and its reminder re-armed or removed.
    /// </summary>
    public async Task Advance(TimeSpan by)
    {
        await _reminders.Settled();
        Time.Advance(by);
        await _reminders.Settled();
    }

    /// <summary>Deactivates the grain's activation and waits until it is gone; the next call activates it again.</summary>
    public Task Deactivate(IAddressable grain) => Cluster.DeactivateAsync(grain);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseInMemoryReminderService();
            silo.AddMemoryGrainStorageAsDefault();
            silo.Configure<ReminderOptions>(o =>
            {
                o.RefreshReminderListPeriod = FarAhead;
                o.ReminderLoadingWindow = FarAhead;
            });
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, _reminderClock);
            silo.Services.AddKeyedSingleton<TimeProvider>(DomainTime.Key, Time);
            silo.Services.AddInMemoryEventLog();
            silo.Services.AddSingleton(sp => new FaultyEventLog(sp.GetRequiredService<InMemoryEventLog>()));
            silo.Services.RemoveAll<IEventLog>();
            silo.Services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<FaultyEventLog>());
            silo.Services.AddSingleton(new PolicingHub.Grains.Audit.AuditKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            silo.AddPolicingHubGrains();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        await _reminders.Started(_cluster.Silos[0].SiloAddress);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        _reminders.Dispose();
    }

}
