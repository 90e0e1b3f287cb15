using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Reminders.AzureStorage;

namespace PolicingHub.EventLog.Tests.Orleans.Azure;

/// <summary>The reminder table suite on the azure profile's reminders: Microsoft.Orleans.Reminders.AzureStorage on Azure Table (Azurite), a table of its own per test.</summary>
public sealed class AzureTableReminderTableConformanceTests : ReminderTableConformanceTests
{
    private readonly string _table = AzuriteAccount.NewTableName("reminders");
    private readonly List<ServiceProvider> _providers = [];

    protected override TimeSpan StartPrecision => TimeSpan.FromMilliseconds(1);

    protected override DateTimeKind StartKind => DateTimeKind.Unspecified;

    protected override Type? ForeignEtagException => typeof(global::Azure.RequestFailedException);

    protected override IReminderTable CreateTable(string serviceId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (serviceId, serviceId));
        services.UseAzureTableReminderService((AzureTableReminderStorageOptions o) =>
        {
            o.TableServiceClient = new TableServiceClient(AzuriteAccount.ConnectionString);
            o.TableName = _table;
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IReminderTable>();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        await new TableServiceClient(AzuriteAccount.ConnectionString).DeleteTableAsync(_table);
    }
}
