using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>
/// Prepared commands on the store's write connection, one per SQL text. Microsoft.Data.Sqlite has no statement cache:
/// a command built per write is compiled again (sqlite3_prepare_v2) on every write. These are compiled once and then
/// only rebound. Only <see cref="SqliteDatabase.WriteAsync{T}"/> may use it, under its gate: a command is shared by
/// every write that runs its SQL, so two writes must never hold it at once.
/// </summary>
internal sealed partial class SqliteStatementCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>How many distinct statements have been prepared.</summary>
    public int Count => _commands.Count;

    /// <summary>
    /// The prepared command for <paramref name="sql"/>, enlisted in <paramref name="transaction"/>. It has one parameter
    /// per distinct <c>@name</c> in the text, each with its value unset: set every one (<see cref="SqliteValues.Set"/>)
    /// before running it. One left unset fails the command instead of reusing the previous write's value.
    /// </summary>
    public SqliteCommand Get(string sql, SqliteTransaction transaction)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Prepare(sql, transaction);
            _commands.Add(sql, command);
        }
        command.Transaction = transaction;
        var parameters = command.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            parameters[i].Value = null;
        }
        return command;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }

    private SqliteCommand Prepare(string sql, SqliteTransaction transaction)
    {
        var command = connection.Command(sql, transaction);
        try
        {
            foreach (var name in ParameterNames().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            command.Prepare();
            return command;
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    /// <summary>A named parameter (<c>@name</c>); the store's SQL has no string literals, so every match is one.</summary>
    [GeneratedRegex(@"@[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterNames();
}
