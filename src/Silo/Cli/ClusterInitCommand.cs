using Npgsql;
using PolicingHub.EventLog.Orleans.Postgres;
using PolicingHub.EventLog.Postgres;
using PolicingHub.Silo.Hosting.Profiles;

namespace PolicingHub.Silo.Cli;

/// <summary>
/// <c>cluster init [--PolicingHub:Postgres:ConnectionString=…]</c>: applies the PostgreSQL schema the cluster and azure
/// profiles use — the event log's table and Orleans' ADO.NET tables and named queries — and exits. Idempotent; silos
/// apply the same on start, so this is for a DBA who wants it in place first (or silos that run without DDL rights).
/// </summary>
internal static class ClusterInitCommand
{
    public const string Usage = "usage: cluster init [--PolicingHub:Postgres:ConnectionString=\"Host=…;Database=…\"]";

    public static bool IsInvoked(string[] args) => args.Length >= 2 && args[0] == "cluster" && args[1] == "init";

    /// <returns>0 when applied; 2 for bad configuration; 1 when PostgreSQL refused or could not be reached.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IConfiguration baseConfiguration, TextWriter output, TextWriter error)
    {
        var configuration = new ConfigurationBuilder().AddConfiguration(baseConfiguration).AddCommandLine([.. args]).Build();
        var postgres = configuration.GetSection(PostgresStoreOptions.SectionName).Get<PostgresStoreOptions>() ?? new PostgresStoreOptions();
        if (PostgresConnectionStrings.Problem(postgres.ConnectionString) is { } problem)
        {
            error.WriteLine($"cluster init: {PostgresStoreOptions.SectionName}:ConnectionString {problem}.");
            error.WriteLine(Usage);
            return 2;
        }
        var where = PostgresConnectionStrings.Redact(postgres.ConnectionString);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
            await PostgresEventLogSchemaInstaller.ApplyAsync(dataSource);
            await PostgresOrleansSchema.ApplyAsync(postgres.ConnectionString);
        }
        catch (Exception failed) when (failed is NpgsqlException or TimeoutException)
        {
            error.WriteLine($"cluster init: PostgreSQL ({where}) failed: {failed.Message.Split('\n')[0]}");
            return 1;
        }
        output.WriteLine($"cluster init: the event log table and Orleans' clustering, reminder and grain-storage schema are in place ({where}).");
        return 0;
    }
}
