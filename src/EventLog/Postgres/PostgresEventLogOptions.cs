namespace PolicingHub.EventLog.Postgres;

/// <summary>The event log on PostgreSQL (the cluster and azure profiles, DESIGN §5). Bound from <see cref="SectionName"/>.</summary>
public sealed class PostgresEventLogOptions
{
    public const string SectionName = "PolicingHub:EventLog:Postgres";

    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=policinghub;Password=…;Database=policinghub</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The most appends one transaction takes (group commit); 1 turns group commit off.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// How often the log is polled for other silos' commits when no NOTIFY arrived (the doorbell's fallback), and how
    /// long to wait before reconnecting a dropped listener.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Creates the log's table on start when missing (off: a DBA applies it, e.g. with <c>cluster init</c>).</summary>
    public bool CreateSchema { get; set; } = true;

    /// <summary>The connection string with its password replaced, for logs and error messages.</summary>
    public string RedactedConnectionString() => PostgresConnectionStrings.Redact(ConnectionString);
}
