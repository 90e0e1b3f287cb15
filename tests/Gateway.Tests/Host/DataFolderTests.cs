using PolicingHub.EventLog.Orleans;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Silo.Hosting;

namespace PolicingHub.Gateway.Tests.Host;

/// <summary>One silo per embedded data folder (DESIGN §5): a second is refused with one line naming the folder.</summary>
public sealed class DataFolderTests
{
    [Fact]
    public async Task A_second_silo_on_the_same_data_folder_is_refused_at_start_with_one_line_naming_the_folder()
    {
        using var data = new TempFolder("policinghub-twice-");
        await using var first = GatewayFactory.OnSqlite(data.Path).Started();
        await using var second = GatewayFactory.OnSqlite(data.Path);
        var expected = $"data folder {data.Path} is in use by another silo (pid {Environment.ProcessId}); stop it or choose another PolicingHub:DataPath";

        var (error, printed) = StandardError.Capture(() => Assert.ThrowsAny<InvalidOperationException>(() => second.Started()));

        Assert.Equal([expected], printed.Where(line => line.StartsWith("data folder ", StringComparison.Ordinal)));
        Assert.Equal("The entry point exited without ever building an IHost.", error.Message); // Program printed the line and exited (3)
        using var coordinator = first.Coordinator();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await coordinator.GetAsync("/api/agencies")).StatusCode);
    }

    [Fact]
    public async Task Composing_a_second_silo_on_a_held_folder_throws_the_refusal_naming_the_folder_and_the_setting()
    {
        using var data = new TempFolder("policinghub-twice-");
        await using var first = GatewayFactory.OnSqlite(data.Path).Started();
        string[] args = ["--PolicingHub:Store=Sqlite", $"--PolicingHub:DataPath={data.Path}", $"--PolicingHub:Orleans:SiloPort={FreePorts.Next()}",
            $"--PolicingHub:Orleans:GatewayPort={FreePorts.Next()}", $"--PolicingHub:Auth:SigningKeyPath={data.File("second-key.b64")}"];

        var refused = Assert.Throws<DataFolderInUseException>(() => SiloHost.Build(args));

        Assert.IsAssignableFrom<InvalidOperationException>(refused);
        Assert.Equal($"data folder {data.Path} is in use by another silo (pid {Environment.ProcessId}); stop it or choose another PolicingHub:DataPath",
            refused.Message);
    }

    [Fact]
    public async Task A_stopped_silo_releases_its_data_folder_for_the_next_one()
    {
        using var data = new TempFolder("policinghub-release-");
        var stopped = new GatewayFactory { DataPath = data.Path };
        stopped.Started();
        await stopped.DisposeAsync();

        using var next = DataFolderLock.Acquire(data.Path);

        Assert.Equal(data.Path, next.Folder);
    }
}
