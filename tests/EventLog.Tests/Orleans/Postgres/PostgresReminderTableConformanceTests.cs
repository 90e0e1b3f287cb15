using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using PolicingHub.EventLog.Orleans.Postgres;

namespace PolicingHub.EventLog.Tests.Orleans.Postgres;

/// <summary>
/// The reminder table suite on Orleans' own ADO.NET reminder table (Microsoft.Orleans.Reminders.AdoNet) over a
/// PostgreSQL database of its own per test, with our schema and queries applied first.
/// </summary>
public sealed class PostgresReminderTableConformanceTests : ReminderTableConformanceTests
{
    private readonly List<ServiceProvider> _providers = [];
    private PostgresDatabase? _database;

    protected override TimeSpan StartPrecision => TimeSpan.FromMicroseconds(1);

    protected override Type? ForeignEtagException => typeof(FormatException);

    protected override IReminderTable CreateTable(string serviceId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (serviceId, serviceId));
        services.UseAdoNetReminderService(options => options.Configure(o =>
            (o.Invariant, o.ConnectionString) = (PostgresOrleansSchema.Invariant, _database!.ConnectionString)));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IReminderTable>();
    }

    public override async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        await PostgresOrleansSchema.ApplyAsync(_database.ConnectionString);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        await _database!.DisposeAsync();
    }
}
