using Microsoft.Data.Sqlite;
using PolicingHub.Runtime.Storage.Sqlite;

namespace PolicingHub.Runtime.Tests.Storage;

/// <summary>The write connection's prepared statements: one command per SQL text, rebound per use, never a stale value.</summary>
public sealed class SqliteStatementCacheTests : IDisposable
{
    private const string Insert = "INSERT INTO items (id, name) VALUES (@id, @name)";
    private const string Rename = "UPDATE items SET name = @name WHERE id = @id AND name IS NOT @name";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqliteStatementCache _statements;

    public SqliteStatementCacheTests()
    {
        _connection.Open();
        using var create = _connection.Command("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NULL)");
        create.ExecuteNonQuery();
        _statements = new SqliteStatementCache(_connection);
    }

    public void Dispose()
    {
        _statements.Dispose();
        _connection.Dispose();
    }

    [Fact]
    public void The_same_sql_gives_the_same_prepared_command_in_each_transaction()
    {
        using (var first = _connection.BeginTransaction())
        {
            Assert.Equal(1, _statements.Get(Insert, first).Set("@id", 1).Set("@name", "a").ExecuteNonQuery());
            first.Commit();
        }
        using var second = _connection.BeginTransaction();
        var command = _statements.Get(Insert, second);

        Assert.Same(command, _statements.Get(Insert, second));
        Assert.Same(second, command.Transaction);
        Assert.Equal(1, command.Set("@id", 2).Set("@name", null).ExecuteNonQuery());
        Assert.Equal(1, _statements.Count);
        Assert.Equal(2, Scalar("SELECT count(*) FROM items WHERE name = 'a' OR name IS NULL", second));
    }

    [Fact]
    public void Each_distinct_parameter_of_the_text_is_created_once()
    {
        using var transaction = _connection.BeginTransaction();

        var command = _statements.Get(Rename, transaction);

        Assert.Equal(["@name", "@id"], command.Parameters.Cast<SqliteParameter>().Select(p => p.ParameterName));
    }

    [Fact]
    public void A_value_left_unset_fails_instead_of_reusing_the_previous_one()
    {
        using var transaction = _connection.BeginTransaction();
        _statements.Get(Insert, transaction).Set("@id", 1).Set("@name", "a").ExecuteNonQuery();

        var command = _statements.Get(Insert, transaction).Set("@id", 2);

        Assert.Throws<InvalidOperationException>(() => command.ExecuteNonQuery());
        Assert.Equal(1, Scalar("SELECT count(*) FROM items", transaction));
    }

    [Fact]
    public void A_name_the_text_does_not_have_is_refused()
    {
        using var transaction = _connection.BeginTransaction();

        Assert.Throws<IndexOutOfRangeException>(() => _statements.Get(Insert, transaction).Set("@other", 1));
    }

    [Fact]
    public void A_command_that_failed_runs_again_after_a_rollback()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            _statements.Get(Insert, transaction).Set("@id", 1).Set("@name", "a").ExecuteNonQuery();
            Assert.Throws<SqliteException>(() => _statements.Get(Insert, transaction).Set("@id", 1).Set("@name", "b").ExecuteNonQuery());
            transaction.Rollback();
        }
        using var retry = _connection.BeginTransaction();

        Assert.Equal(1, _statements.Get(Insert, retry).Set("@id", 1).Set("@name", "b").ExecuteNonQuery());
        Assert.Equal(1, Scalar("SELECT count(*) FROM items WHERE name = 'b'", retry));
    }

    [Fact]
    public void A_disposed_cache_is_refused()
    {
        using var transaction = _connection.BeginTransaction();
        _statements.Get(Insert, transaction);

        _statements.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _statements.Get(Insert, transaction));
        Assert.Equal(0, _statements.Count);
    }

    private long Scalar(string sql, SqliteTransaction transaction)
    {
        using var command = _connection.Command(sql, transaction);
        return (long)command.ExecuteScalar()!;
    }
}
