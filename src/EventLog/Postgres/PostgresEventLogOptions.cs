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

    /// <summary>
    /// The most connections this silo's log holds open for reads and its one writer (the listener has one more of its
    /// own); it replaces any "Maximum Pool Size" in <see cref="ConnectionString"/>. Reads beyond it wait for a free
    /// connection. Size PostgreSQL's max_connections for every silo: silos × (this + 1) plus Orleans' own providers.
    /// Unbounded (Npgsql's 100), two silos under 64 concurrent requests opened more connections than PostgreSQL's
    /// default limit of 100, and requests failed with "sorry, too many clients already".
    /// </summary>
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>Creates the log's table on start when missing (off: a DBA applies it, e.g. with <c>cluster init</c>).</summary>
    public bool CreateSchema { get; set; } = true;

    /// <summary>The connection string with its password replaced, for logs and error messages.</summary>
    public string RedactedConnectionString() => PostgresConnectionStrings.Redact(ConnectionString);
}
