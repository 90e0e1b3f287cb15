using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using PolicingHub.EventLog.Postgres;

namespace PolicingHub.EventLog.Orleans.Postgres;

/// <summary>
/// Applies <see cref="PostgresOrleansSchema"/> at the very start of the silo's lifecycle, before Orleans' ADO.NET
/// membership, reminders and storage read their named queries; a database the silo cannot reach stops it there.
/// </summary>
internal sealed partial class PostgresOrleansSchemaInitializer(
    string connectionString,
    ILogger<PostgresOrleansSchemaInitializer> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresOrleansSchemaInitializer), ServiceLifecycleStage.First, StartAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var where = PostgresConnectionStrings.Redact(connectionString);
        try
        {
            await PostgresOrleansSchema.ApplyAsync(connectionString, cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            LogSchemaFailed(where, exception);
            throw;
        }
        LogSchemaReady(where);
    }

    [LoggerMessage(5130, LogLevel.Information, "Orleans schema on PostgreSQL ready ({Where})")]
    private partial void LogSchemaReady(string where);

    [LoggerMessage(5131, LogLevel.Error, "Orleans schema on PostgreSQL could not be applied ({Where})")]
    private partial void LogSchemaFailed(string where, Exception exception);
}
