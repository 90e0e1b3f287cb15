using Microsoft.Data.Sqlite;
using PolicingHub.EventLog.Sqlite;

namespace PolicingHub.Benchmarks.S4;

/// <summary>Where an S4 run keeps its two sides (baseline first, then the hub's log) and how the report names the store.</summary>
internal abstract class S4Store : IAsyncDisposable
{
    /// <summary>Where the data goes, printed before the run.</summary>
    public abstract string Where { get; }

    /// <summary>The baseline (one INSERT per transaction through the driver) and the hub's log, each on its own file or database.</summary>
    public abstract Task<IReadOnlyList<S4Side>> StartSidesAsync();

    /// <summary>The store and its durability settings, for the report's first line.</summary>
    public abstract Task<string> DescribeAsync();

    public abstract ValueTask DisposeAsync();
}

/// <summary>SQLite files (WAL, the chosen synchronous mode) in a temp folder removed afterwards.</summary>
internal sealed class SqliteStore(SqliteSynchronousMode synchronous) : S4Store
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policinghub-s4-").FullName;

    public override string Where => $"files in {_folder}";

    public override async Task<IReadOnlyList<S4Side>> StartSidesAsync() =>
    [
        await DriverSide.StartAsync(Path.Combine(_folder, "driver.db"), synchronous),
        await HubLogSide.StartAsync(Path.Combine(_folder, "hub-events.db"), synchronous),
    ];

    public override Task<string> DescribeAsync() => Task.FromResult($"SQLite (synchronous={synchronous.ToString().ToUpperInvariant()}, WAL)");

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
