using Microsoft.Data.Sqlite;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>Looks inside a SQLite file with a plain connection of its own, as an operator would.</summary>
internal static class SqliteFile
{
    public static async Task<T> ScalarAsync<T>(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static Task<string> JournalModeAsync(string path) => ScalarAsync<string>(path, "PRAGMA journal_mode;");
}
