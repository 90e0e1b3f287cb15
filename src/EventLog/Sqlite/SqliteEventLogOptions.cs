namespace PolicingHub.EventLog.Sqlite;

/// <summary>The event log in one SQLite file (the embedded profile, DESIGN §5). Bound from <see cref="SectionName"/>.</summary>
public sealed class SqliteEventLogOptions
{
    public const string SectionName = "PolicingHub:EventLog:Sqlite";

    /// <summary>The database file; a relative path is resolved against the current directory. Its folder is created.</summary>
    public string Path { get; set; } = "data/events.db";

    /// <summary>How hard a commit is pushed to disk. <see cref="SqliteSynchronousMode.Full"/> unless you accept losing the last commits on power loss.</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>
    /// How often a background checkpoint copies the write-ahead log into the database while the log grows, so no
    /// commit waits for one; <see cref="TimeSpan.Zero"/> leaves checkpoints to SQLite (inside the commit that fills 1,000 pages).
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most appends one transaction takes (group commit); 1 turns group commit off.</summary>
    public int MaxBatchSize { get; set; } = 256;
}
