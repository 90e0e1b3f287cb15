namespace PolicingHub.Silo.Hosting.Profiles;

/// <summary>PolicingHub:Postgres — the PostgreSQL database of the cluster profile (everything) and of the azure profile (the event log).</summary>
public sealed class PostgresStoreOptions
{
    public const string SectionName = "PolicingHub:Postgres";

    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=policinghub;Password=…;Database=policinghub</c>.</summary>
    public string ConnectionString { get; set; } = "";
}
