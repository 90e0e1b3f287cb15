using Microsoft.Extensions.Configuration;
using PolicingHub.Silo.Cli;

namespace PolicingHub.Gateway.Tests.Host;

/// <summary>`cluster init`: applies the PostgreSQL schema of the cluster profiles and exits; refuses a missing connection string with one line.</summary>
public sealed class ClusterInitCommandTests
{
    [Fact]
    public async Task Cluster_init_creates_the_log_table_and_Orleans_queries_and_running_it_again_changes_nothing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().Build();
        string[] args = [$"--PolicingHub:Postgres:ConnectionString={database.ConnectionString}"];
        using var output = new StringWriter();
        using var error = new StringWriter();

        var first = await ClusterInitCommand.RunAsync(args, configuration, output, error);
        var second = await ClusterInitCommand.RunAsync(args, configuration, output, error);

        Assert.Equal((0, 0, ""), (first, second, error.ToString()));
        Assert.Equal(2, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("cluster init: the event log table and Orleans' clustering, reminder and grain-storage schema are in place (", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM event_log"));
        Assert.Equal(20L, await database.ScalarAsync("SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task Cluster_init_without_a_connection_string_exits_2_naming_the_key()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ClusterInitCommand.RunAsync([], new ConfigurationBuilder().Build(), output, error);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.StartsWith("cluster init: PolicingHub:Postgres:ConnectionString is empty.", error.ToString(), StringComparison.Ordinal);
    }
}
