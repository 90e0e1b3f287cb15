namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file holding grain state, events, command outcomes and reminders.</summary>
public sealed class SqliteStoreOptions
{
    public const string SectionName = "PolicingHub:Sqlite";

    /// <summary>The database file; relative paths are resolved against the current directory. Its folder is created.</summary>
    public string Path { get; set; } = "data/policinghub.db";

    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    internal bool IsValid => !string.IsNullOrWhiteSpace(Path) && Enum.IsDefined(Synchronous);
}
