namespace PolicingHub.EventLog.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> on the event log's write connection (the log runs in WAL mode).</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit is synced to disk before it is acknowledged: nothing acknowledged is lost, even on power loss.</summary>
    Full,

    /// <summary>Commits survive a crash of the process, but the last ones before a power loss may be lost.</summary>
    Normal,
}
