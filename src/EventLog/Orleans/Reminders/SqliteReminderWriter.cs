using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// Group commit for the reminder table: upserts and removes from many grains queue here and one loop writes them in
/// one transaction (one fsync per batch, not per reminder), each getting its own result. A failed transaction fails
/// every write of its batch; nothing of it is committed. Callers are answered only after the commit.
/// </summary>
internal sealed class SqliteReminderWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly Task _loop;

    public SqliteReminderWriter(string connectionString)
    {
        _connectionString = connectionString;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Runs <paramref name="write"/> inside the next batch's transaction; its result once that batch committed.</summary>
    public Task<T> Enqueue<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var item = new Write<T>(write);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(SqliteReminderWriter));
        }
        return item.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Write>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                await using var connection = await SqliteDatabaseFile.OpenAsync(_connectionString, CancellationToken.None);
                await using var transaction = connection.BeginTransaction(deferred: false);
                foreach (var write in batch)
                {
                    await write.RunAsync(connection, transaction);
                }
                await transaction.CommitAsync();
                batch.ForEach(w => w.Complete());
            }
            catch (Exception ex)
            {
                batch.ForEach(w => w.Fail(ex));
            }
        }
    }

    private abstract class Write
    {
        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write) : Write
    {
        private T? _value;

        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            _value = await write(connection, transaction);

        public override void Complete() => Result.TrySetResult(_value!);

        public override void Fail(Exception exception) => Result.TrySetException(exception);
    }
}
