namespace PolicingHub.Silo.Hosting;

/// <summary>Where the silo keeps its event log, membership, reminders and grain state (DESIGN.md §5). Set by PolicingHub:Profile.</summary>
public enum StoreProfile
{
    /// <summary>Embedded (default): SQLite files under PolicingHub:DataPath (events.db, orleans.db), one silo on localhost.</summary>
    Embedded,

    /// <summary>Cluster: Orleans' ADO.NET membership, reminders and grain state on PostgreSQL, and the event log on PostgreSQL.</summary>
    Cluster,

    /// <summary>Azure: membership and reminders on Azure Table, grain state on Azure Blob, the event log on PostgreSQL.</summary>
    Azure,

    /// <summary>Memory only, one silo: for tests.</summary>
    InMemory,
}
