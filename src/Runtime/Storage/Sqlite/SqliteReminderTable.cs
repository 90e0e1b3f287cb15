using Microsoft.Data.Sqlite;
using PolicingHub.Runtime.Reminders;

namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>Reminders in SQLite: one row per (grain, name); start as ISO 8601, period in milliseconds (-1: fires once).</summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "SELECT grain_id, name, start_at, period_ms, etag FROM reminders";

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        await using var command = connection.Command($"{Columns} ORDER BY grain_id, name");
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }
        return entries;
    }

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        await using var command = connection.Command($"{Columns} WHERE grain_id = @grain AND name = @name")
            .With("@grain", grainId.ToString())
            .With("@name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadEntry(reader) : null;
    }

    public Task<ReminderEntry> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var periodMs = entry.IsOneShot ? -1L : (long)entry.Period.TotalMilliseconds;
        return database.WriteAsync(async (statements, transaction, token) =>
        {
            var etag = (long)(await statements.Get(
                """
                INSERT INTO reminders (grain_id, name, start_at, period_ms, etag)
                VALUES (@grain, @name, @start_at, @period_ms, 1)
                ON CONFLICT (grain_id, name) DO UPDATE SET
                    start_at = excluded.start_at,
                    period_ms = excluded.period_ms,
                    etag = reminders.etag + 1
                RETURNING etag
                """, transaction)
                .Set("@grain", entry.GrainId.ToString())
                .Set("@name", entry.Name)
                .Set("@start_at", SqliteValues.FormatTime(entry.StartAt))
                .Set("@period_ms", periodMs)
                .ExecuteScalarAsync(token))!;
            return entry with { Period = ToPeriod(periodMs), ETag = SqliteValues.FormatETag(etag) };
        }, cancellationToken);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (statements, transaction, token) =>
            await statements.Get("DELETE FROM reminders WHERE grain_id = @grain AND name = @name", transaction)
                .Set("@grain", grainId.ToString())
                .Set("@name", name)
                .ExecuteNonQueryAsync(token) == 1, cancellationToken);

    private static TimeSpan ToPeriod(long periodMs) => periodMs < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(periodMs);

    private static ReminderEntry ReadEntry(SqliteDataReader reader)
    {
        var periodMs = reader.GetInt64(3);
        return new ReminderEntry(
            GrainId.Parse(reader.GetString(0)),
            reader.GetString(1),
            SqliteValues.ParseTime(reader.GetString(2)),
            ToPeriod(periodMs),
            SqliteValues.FormatETag(reader.GetInt64(4)));
    }
}
