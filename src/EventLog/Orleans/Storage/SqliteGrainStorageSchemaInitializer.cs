using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// Applies <see cref="SqliteGrainStorageSchema"/> early in the silo's start (before Orleans' ADO.NET storage reads its
/// queries at ApplicationServices), and closes the pooled connections to the file when the silo stops.
/// </summary>
internal sealed partial class SqliteGrainStorageSchemaInitializer(
    string name,
    string connectionString,
    ILogger<SqliteGrainStorageSchemaInitializer> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorageSchemaInitializer)}-{name}", ServiceLifecycleStage.RuntimeInitialize, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        try
        {
            await SqliteGrainStorageSchema.EnsureCreatedAsync(connectionString, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            LogSchemaFailed(name, path, exception);
            throw;
        }
        LogSchemaReady(name, path);
    }

    private Task StopAsync(CancellationToken cancellationToken)
    {
        SqliteDatabaseFile.ReleasePool(connectionString);
        return Task.CompletedTask;
    }

    [LoggerMessage(5120, LogLevel.Information, "SQLite grain storage {Name} ready at {Path}")]
    private partial void LogSchemaReady(string name, string path);

    [LoggerMessage(5121, LogLevel.Error, "SQLite grain storage {Name} could not create its schema at {Path}")]
    private partial void LogSchemaFailed(string name, string path, Exception exception);
}
