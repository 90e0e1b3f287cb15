namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the write connection.</summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit is synced to disk: nothing acknowledged is lost, even on power loss.</summary>
    Full,

    /// <summary>In WAL mode, commits survive a crash of the process but the last ones may be lost on power loss.</summary>
    Normal,
}
