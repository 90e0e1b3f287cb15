namespace PolicingHub.EventLog.Postgres;

/// <summary>PostgreSQL keeps timestamps to the microsecond: events are stamped at that precision, so the copy a writer remembers equals what readers load.</summary>
internal static class PostgresTimestamps
{
    public static readonly TimeSpan Precision = TimeSpan.FromMicroseconds(1);
}
