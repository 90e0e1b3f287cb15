using Npgsql;

namespace PolicingHub.EventLog.Postgres;

/// <summary>Checks and redacts Npgsql connection strings, so a bad one is refused with one line and a password never reaches a log.</summary>
public static class PostgresConnectionStrings
{
    /// <summary>Null when <paramref name="connectionString"/> parses and names a host; otherwise why not (without echoing it).</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "is empty";
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "names no Host" : null;
        }
        catch (ArgumentException bad)
        {
            return $"is not a valid Npgsql connection string ({bad.Message.Split('\n')[0].TrimEnd('.')})";
        }
    }

    /// <summary>The connection string with any password removed; unparseable input becomes "(invalid)".</summary>
    public static string Redact(string? connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString ?? "");
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "***";
            }
            return builder.ToString();
        }
        catch (ArgumentException)
        {
            return "(invalid)";
        }
    }
}
