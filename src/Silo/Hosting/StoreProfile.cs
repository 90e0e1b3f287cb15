namespace PolicingHub.Silo.Hosting;

/// <summary>Where the silo keeps grain state, events, command outcomes and reminders (DESIGN.md §5).</summary>
public enum StoreProfile
{
    /// <summary>One SQLite file (PolicingHub:Sqlite:Path, default data/policinghub.db).</summary>
    Sqlite,

    /// <summary>Memory only: for tests.</summary>
    InMemory,
}
