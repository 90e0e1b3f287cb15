using Npgsql;

namespace PolicingHub.EventLog.Orleans.Postgres;

/// <summary>
/// The tables and named queries Orleans' ADO.NET clustering, reminders and grain storage need on PostgreSQL (the
/// embedded <c>Orleans/Sql/Postgres*.sql</c>, our own: the packages ship none), applied idempotently in one transaction
/// under an advisory lock, so silos starting together, and <c>cluster init</c>, can all run it.
/// </summary>
public static class PostgresOrleansSchema
{
    /// <summary>The ADO.NET invariant Orleans 10.4.2 maps to Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Serializes schema installs ("PHORLSQL" in ASCII); distinct from the event log's write lock.</summary>
    private const long InstallLockKey = 0x5048_4F52_4C53_514C;

    private static readonly string[] Scripts = ["PostgresMain", "PostgresClustering", "PostgresReminders", "PostgresPersistence"];

    private static readonly Lazy<string[]> Texts = new(() => Scripts.Select(ReadScript).ToArray());

    /// <summary>Creates what is missing and (re)writes every query text. Safe to run on every start and from several silos at once.</summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long>("key", InstallLockKey));
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var script in Texts.Value)
        {
            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReadScript(string name)
    {
        var resource = $"PolicingHub.EventLog.Orleans.Sql.{name}.sql";
        using var stream = typeof(PostgresOrleansSchema).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from {typeof(PostgresOrleansSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
