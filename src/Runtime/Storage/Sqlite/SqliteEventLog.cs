using Microsoft.Data.Sqlite;
using PolicingHub.Runtime.Events;

namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>The event log in SQLite. Positions come from AUTOINCREMENT; writers are serialized, so they are gapless in commit order.</summary>
public sealed class SqliteEventLog(SqliteDatabase database) : IEventLog
{
    private const string Columns = "SELECT position, stream, sequence, type, occurred_at, data FROM events";

    public async Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var connection = await database.OpenReadAsync(cancellationToken);
        await using var command = connection.Command($"{Columns} WHERE position > @after ORDER BY position LIMIT @max")
            .With("@after", afterPosition)
            .With("@max", maxCount);
        return await ReadEnvelopesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(
        string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var connection = await database.OpenReadAsync(cancellationToken);
        await using var command = connection.Command($"{Columns} WHERE stream = @stream AND sequence > @after ORDER BY sequence LIMIT @max")
            .With("@stream", stream)
            .With("@after", afterSequence)
            .With("@max", maxCount);
        return await ReadEnvelopesAsync(command, cancellationToken);
    }

    public async Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        await using var command = connection.Command("SELECT COALESCE(MAX(position), 0) FROM events");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IReadOnlyList<EventEnvelope>> ReadEnvelopesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var envelopes = new List<EventEnvelope>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            envelopes.Add(new EventEnvelope(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                SqliteValues.ParseTime(reader.GetString(4)),
                SqliteValues.ParseJson(reader.GetString(5))));
        }
        return envelopes;
    }
}
