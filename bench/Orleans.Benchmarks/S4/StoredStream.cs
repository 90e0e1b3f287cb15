using Microsoft.Data.Sqlite;

namespace PolicingHub.Benchmarks.S4;

/// <summary>One stream as a store holds it after a run: its rows and its highest and lowest sequence.</summary>
internal sealed record StoredStream(string Stream, long Count, long MaxSequence, long MinSequence)
{
    public const string GroupByStream = "SELECT stream, COUNT(*), MAX(sequence), MIN(sequence) FROM {0} GROUP BY stream";

    public static Task<IReadOnlyList<StoredStream>> ReadSqliteAsync(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, GroupByStream, "events");
        using var reader = command.ExecuteReader();
        var streams = new List<StoredStream>();
        while (reader.Read())
        {
            streams.Add(new StoredStream(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        return Task.FromResult<IReadOnlyList<StoredStream>>(streams);
    }
}
