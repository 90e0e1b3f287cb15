using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>Conversions between .NET values and the TEXT/INTEGER columns of the embedded store.</summary>
internal static class SqliteValues
{
    public static string FormatTime(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static string FormatETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version an ETag names, or null when it is not one this store produced.</summary>
    public static long? ParseETag(string? etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && FormatETag(version) == etag
            ? version
            : null;

    public static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static SqliteCommand WithKey(this SqliteCommand command, GrainId grainId, string stateName) =>
        command.With("@type", grainId.Type).With("@key", grainId.Key).With("@state", stateName);

    /// <summary>Sets the value of a parameter the command already has (a <see cref="SqliteStatementCache"/> command); null is SQL NULL.</summary>
    public static SqliteCommand Set(this SqliteCommand command, string name, object? value)
    {
        command.Parameters[name].Value = value ?? DBNull.Value;
        return command;
    }

    public static SqliteCommand SetKey(this SqliteCommand command, GrainId grainId, string stateName) =>
        command.Set("@type", grainId.Type).Set("@key", grainId.Key).Set("@state", stateName);
}
