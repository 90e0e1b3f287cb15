using PolicingHub.Process.Tests.Support;

namespace PolicingHub.Process.Tests.Guards;

/// <summary>The executable as a new user meets it: real help that starts nothing, and a taken port told in one line.</summary>
public sealed class FirstRunTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_usage_and_exits_0_without_starting_a_silo(string flag)
    {
        var data = Directory.CreateTempSubdirectory("policinghub-help-").FullName;
        try
        {
            var output = new List<string>();
            var (exitCode, errors) = await SiloProcess.RunToExitAsync(data, null, output, flag);

            Assert.Equal(0, exitCode);
            Assert.Empty(errors);
            Assert.Contains("  dotnet run --project src/Silo -- token --role ROLE  print an access token and exit (see `token --help`)", output);
            Assert.Contains("  dotnet run --project src/Silo -- token revoke --jti ID|--agency CODE --url URL --token TOKEN", output);
            Assert.Empty(Directory.GetFileSystemEntries(data)); // no data folder, no signing key: nothing started
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Token_help_prints_its_options_and_examples_and_exits_0_without_minting_a_token()
    {
        var data = Directory.CreateTempSubdirectory("policinghub-token-help-").FullName;
        try
        {
            var output = new List<string>();
            var (exitCode, errors) = await SiloProcess.RunToExitAsync(data, null, output, "token", "--help");

            Assert.Equal(0, exitCode);
            Assert.Empty(errors);
            Assert.Equal("usage: token --role partner|coordinator|operator [--agency CODE] [--subject NAME] [--hours N]  |  token rotate-key  |  token revoke --jti ID|--agency CODE --url URL --token JWT", output[0]);
            Assert.Contains("  dotnet run --project src/Silo -- token --role coordinator", output);
            Assert.DoesNotContain(output, line => line.StartsWith("eyJ", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_silo_started_on_a_port_another_one_holds_exits_4_with_one_line_and_no_stack_trace()
    {
        var first = Directory.CreateTempSubdirectory("policinghub-port-a-").FullName;
        var second = Directory.CreateTempSubdirectory("policinghub-port-b-").FullName;
        try
        {
            await using var running = await SiloProcess.StartAsync(first);

            var (exitCode, errors) = await SiloProcess.RunToExitAsync(second, running.Port);

            Assert.Equal(4, exitCode);
            var line = Assert.Single(errors);
            Assert.Equal($"cannot listen on http://127.0.0.1:{running.Port}: the port is already in use (another PolicingHub?). " +
                "Stop that process, or start on another port: --urls http://localhost:5081", line);
            using var health = new HttpClient { BaseAddress = running.Address };
            Assert.Equal("Healthy", await health.GetStringAsync("/health"));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }
}
