using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using PolicingHub.EventLog.Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary><see cref="SqliteReminderServiceExtensions.UseSqliteReminderService(ISiloBuilder, Action{SqliteReminderTableOptions})"/> in a real silo.</summary>
public sealed class SqliteReminderServiceSiloTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _serviceId = $"reminder-silo-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_reminder_registered_on_one_silo_fires_on_a_new_silo_over_the_same_file()
    {
        var path = _folder.File("data/orleans.db");
        var grainKey = $"probe-{Guid.NewGuid():N}";

        GrainId grainId;
        await using (var first = await StartSiloAsync(path, new ReminderProbe()))
        {
            var grain = first.Grains.GetGrain<IReminderProbeGrain>(grainKey);
            grainId = grain.GetGrainId();
            await grain.Register("tick", dueTime: TimeSpan.FromSeconds(1), period: TimeSpan.FromSeconds(1));
        }

        var stored = await ReadStoredAsync(path, grainId, "tick");
        Assert.NotNull(stored);
        Assert.Equal(TimeSpan.FromSeconds(1), stored.Period);

        var probe = new ReminderProbe();
        await using var second = await StartSiloAsync(path, probe);
        var tick = await probe.FirstTick.Within();

        Assert.Equal((grainKey, "tick"), tick);
    }

    [Fact]
    public async Task A_silo_whose_reminder_path_is_empty_refuses_to_start_naming_the_provider_and_the_setting()
    {
        var exception = await Record.ExceptionAsync(() => TestSilo.StartAsync(_serviceId, silo => silo.UseSqliteReminderService(o => o.Path = " ")));

        var refusal = Assert.IsType<OrleansConfigurationException>(exception);
        Assert.Contains("SqliteReminderTable", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("PolicingHub:Reminders:Sqlite:Path", refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private Task<TestSilo> StartSiloAsync(string path, ReminderProbe probe) => TestSilo.StartAsync(_serviceId, silo =>
    {
        silo.UseSqliteReminderService(o => o.Path = path);
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        silo.Services.AddSingleton(probe);
    });

    private async Task<ReminderEntry?> ReadStoredAsync(string path, GrainId grain, string name)
    {
        var table = new SqliteReminderTable(
            Options.Create(new ClusterOptions { ServiceId = _serviceId, ClusterId = _serviceId }),
            Options.Create(new SqliteReminderTableOptions { Path = path }),
            NullLogger<SqliteReminderTable>.Instance);
        await table.StartAsync();
        try
        {
            return await table.ReadRow(grain, name);
        }
        finally
        {
            await table.StopAsync();
        }
    }
}
