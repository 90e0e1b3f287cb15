namespace PolicingHub.Silo.Hosting;

/// <summary>Where the silo keeps its event log, reminders and grain state (DESIGN.md §5).</summary>
public enum StoreProfile
{
    /// <summary>Embedded (default): SQLite files under PolicingHub:DataPath (events.db, orleans.db), one silo on localhost.</summary>
    Sqlite,

    /// <summary>Memory only: for tests.</summary>
    InMemory,
}
