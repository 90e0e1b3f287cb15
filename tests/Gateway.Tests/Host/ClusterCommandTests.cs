using System.Text.Json;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Silo.Cli;

namespace PolicingHub.Gateway.Tests.Host;

/// <summary>The <c>cluster</c> command: the operator API from the command line.</summary>
public sealed class ClusterCommandTests(GatewayFactory factory) : IClassFixture<GatewayFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.SeedDemoAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Cluster_list_prints_the_silos_with_their_region_and_where_each_agency_lives()
    {
        var (exit, output, error) = await Run("list", "--url", "http://localhost", "--token", factory.OperatorToken());

        Assert.Equal((0, ""), (exit, error));
        var cluster = JsonDocument.Parse(output).RootElement;
        Assert.Equal("local", Assert.Single(cluster.GetProperty("silos").EnumerateArray()).GetProperty("region").GetString());
        Assert.Contains(cluster.GetProperty("agencies").EnumerateArray(),
            a => a.GetProperty("agency").GetString() == "JP-NPA" && a.GetProperty("homeRegion").GetString() == "ap-northeast");
    }

    [Fact]
    public async Task Cluster_drain_of_an_unknown_silo_exits_1_with_the_404_problem()
    {
        var (exit, output, error) = await Run("drain", "S127.0.0.1:1:1", "--url", "http://localhost", "--token", factory.OperatorToken());

        Assert.Equal((1, ""), (exit, output));
        Assert.Equal(404, JsonDocument.Parse(error).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("drain", "--url", "http://localhost", "--token", "t")]
    [InlineData("list", "--url", "ftp://localhost", "--token", "t")]
    [InlineData("list", "--url", "http://localhost", "--tokn", "t")]
    [InlineData("scale", "--url", "http://localhost", "--token", "t")]
    public async Task Bad_arguments_exit_2_with_the_usage_and_call_nothing(params string[] args)
    {
        var (exit, output, error) = await Run(args);

        Assert.Equal((2, ""), (exit, output));
        Assert.EndsWith(ClusterCommand.Usage + Environment.NewLine, error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ClusterCommand.RunAsync(args, output, error, factory.Server.CreateHandler());
        return (exit, output.ToString(), error.ToString());
    }
}
