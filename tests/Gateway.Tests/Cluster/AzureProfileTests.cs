using System.Net;
using Azure.Data.Tables;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Cluster;

/// <summary>
/// The real Program on the azure profile against Azurite (membership and reminders in tables, grain state in blobs) and
/// PostgreSQL (the log): the silo joins through the Azure membership table and serves commands whose events land in
/// the PostgreSQL log.
/// </summary>
public sealed class AzureProfileTests : IAsyncLifetime
{
    private readonly string _membership = AzuriteAccount.NewTableName("membership");
    private readonly string _reminders = AzuriteAccount.NewTableName("reminders");
    private PostgresDatabase? _database;
    private GatewayFactory? _silo;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _silo = new GatewayFactory
        {
            Profile = "Azure",
            Settings = new()
            {
                ["PolicingHub:Postgres:ConnectionString"] = _database.ConnectionString,
                ["PolicingHub:Azure:StorageConnectionString"] = AzuriteAccount.ConnectionString,
                ["PolicingHub:Azure:MembershipTable"] = _membership,
                ["PolicingHub:Azure:RemindersTable"] = _reminders,
                ["PolicingHub:Azure:GrainStateContainer"] = AzuriteAccount.NewContainerName("grainstate"),
            },
        }.Started();
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
        await _database!.DisposeAsync();
        var tables = new TableServiceClient(AzuriteAccount.ConnectionString);
        await tables.DeleteTableAsync(_membership);
        await tables.DeleteTableAsync(_reminders);
    }

    [Fact]
    public async Task The_silo_is_an_active_member_in_the_Azure_table_and_its_commands_land_in_the_PostgreSQL_log()
    {
        var silo = _silo!;
        await silo.SeedDemoAsync();
        var task = await silo.AssignTaskAsync();
        using var coordinator = silo.Coordinator();

        var read = await coordinator.GetAsync($"/api/tasks/{task}");
        var members = new List<TableEntity>();
        await foreach (var row in new TableServiceClient(AzuriteAccount.ConnectionString).GetTableClient(_membership).QueryAsync<TableEntity>())
        {
            members.Add(row);
        }

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(1L, await _database!.ScalarAsync($"SELECT count(*) FROM event_log WHERE stream = 'task/{task}' AND type = 'task.assigned'"));
        var member = Assert.Single(members, m => m.GetString("SiloName") is not null);
        Assert.Equal("Active", member.GetString("Status"));
        Assert.Equal(silo.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture), member.GetString("Port"));
    }
}
