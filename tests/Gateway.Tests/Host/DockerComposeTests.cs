using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using PolicingHub.Silo.Hosting;
using PolicingHub.Silo.Hosting.Profiles;

namespace PolicingHub.Gateway.Tests.Host;

/// <summary>
/// docker-compose.yml at the repository root, validated by docker-compose itself (scripts/test.sh installs it: marker
/// needs-docker-compose; there is no container engine here): PostgreSQL, Azurite, the schema job and silos in two
/// regions, each with a health check, and each silo's environment is a configuration the silo accepts.
/// </summary>
public sealed class DockerComposeTests
{
    private const string Variable = "POLICINGHUB_TEST_DOCKER_COMPOSE";

    /// <summary>`docker-compose config` once for the class (it takes seconds).</summary>
    private static readonly Lazy<Task<string>> Config = new(() => ComposeAsync("config"));

    [Fact]
    public async Task The_compose_file_is_valid_and_defines_the_stores_the_schema_job_and_health_checked_silos_in_two_regions()
    {
        var services = (await ComposeAsync("config", "--services")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();
        var blocks = ServiceBlocks(await Config.Value);

        Assert.Equal(["azurite", "cluster-init", "postgres", "silo-asia-1", "silo-eu-1", "silo-eu-2"], services);
        Assert.All(["postgres", "azurite", "silo-eu-1", "silo-eu-2", "silo-asia-1"], s => Assert.Contains("    healthcheck:", blocks[s]));
        Assert.Contains("    image: postgres:15", blocks["postgres"]);
        Assert.Contains("    - init", blocks["cluster-init"]);
        var regions = new[] { "silo-eu-1", "silo-eu-2", "silo-asia-1" }.ToDictionary(s => s, s => Environment(blocks[s])["PolicingHub__Region"]);
        Assert.Equal(new Dictionary<string, string> { ["silo-eu-1"] = "eu", ["silo-eu-2"] = "eu", ["silo-asia-1"] = "asia" }, regions);
    }

    [Theory]
    [InlineData("silo-eu-1")]
    [InlineData("silo-asia-1")]
    public async Task Each_silos_environment_is_a_configuration_the_azure_profile_accepts(string service)
    {
        var environment = Environment(ServiceBlocks(await Config.Value)[service]);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)))
            .Build();

        var settings = ProfileSettings.Load(configuration);

        Assert.Equal(StoreProfile.Azure, settings.Profile);
        Assert.Equal((service, 11111, 30000, true), (settings.Silo.Orleans.AdvertisedHost, settings.Silo.Orleans.SiloPort,
            settings.Silo.Orleans.GatewayPort, settings.Silo.Orleans.ListenOnAnyAddress));
        Assert.StartsWith("Host=postgres;", settings.Postgres.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("TableEndpoint=http://azurite:10002/devstoreaccount1;", settings.Azure.StorageConnectionString, StringComparison.Ordinal);
    }

    /// <summary>Each service's lines of the normalized `docker-compose config` output, by service name.</summary>
    private static Dictionary<string, List<string>> ServiceBlocks(string config)
    {
        var blocks = new Dictionary<string, List<string>>();
        List<string>? current = null;
        var inServices = false;
        foreach (var line in config.Split('\n'))
        {
            if (!line.StartsWith(' ') && line.Length > 0)
            {
                inServices = line == "services:";
                current = null;
            }
            else if (inServices && line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                blocks[line.Trim().TrimEnd(':')] = current = [];
            }
            else
            {
                current?.Add(line);
            }
        }
        return blocks;
    }

    /// <summary>The "environment:" mapping of one service block (keys and values as docker-compose printed them).</summary>
    private static Dictionary<string, string> Environment(List<string> block)
    {
        var start = block.IndexOf("    environment:");
        Assert.True(start >= 0, "the service has no environment");
        return block.Skip(start + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(": ", 2))
            .ToDictionary(kv => kv[0], kv => kv[1].Trim('\'', '"'));
    }

    private static async Task<string> ComposeAsync(params string[] arguments)
    {
        var executable = System.Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException($"{Variable} is not set: run the suite through scripts/test.sh (it installs docker-compose).");
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot() };
        info.ArgumentList.Add("--file");
        info.ArgumentList.Add(Path.Combine(RepositoryRoot(), "docker-compose.yml"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment.Remove("POLICINGHUB_PROFILE");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().Within();
        Assert.True(process.ExitCode == 0, $"docker-compose {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PolicingHub.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("PolicingHub.sln not found above the test's folder.");
    }
}
