using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using PolicingHub.EventLog.Appending;
using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>The group-commit engine on a scripted store: batching, failures, cancellation, stopping, the doorbell.</summary>
public sealed class GroupCommitAppenderTests : IAsyncLifetime
{
    private readonly ScriptedBatchWriter _writer = new();
    private readonly InProcessDoorbell _doorbell = new(NullLogger.Instance);
    private GroupCommitAppender? _appender;

    private GroupCommitAppender Appender => _appender ??= Create(maxBatchSize: 256);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _writer.Release();
        if (_appender is not null)
        {
            await _appender.DisposeAsync();
        }
    }

    [Fact]
    public async Task Appends_queued_while_a_batch_is_written_go_together_in_the_next_transaction()
    {
        var held = _writer.HoldNextBatch();
        var first = Append("task/T-0", 0);
        await held.Within();
        var queued = Enumerable.Range(1, 5).Select(i => Append($"task/T-{i}", 0)).ToList();

        _writer.Release();
        var results = await Task.WhenAll([first, .. queued]).Within();

        Assert.Equal([1, 5], _writer.BatchSizes);
        Assert.Equal(Enumerable.Range(1, 6).Select(p => (long)p), results.Select(r => r.LastPosition));
    }

    [Fact]
    public async Task A_batch_takes_at_most_the_maximum_batch_size()
    {
        _appender = Create(maxBatchSize: 3);
        var held = _writer.HoldNextBatch();
        var first = Append("task/T-0", 0);
        await held.Within();
        var queued = Enumerable.Range(1, 7).Select(i => Append($"task/T-{i}", 0)).ToList();

        _writer.Release();
        await Task.WhenAll([first, .. queued]).Within();

        Assert.Equal([1, 3, 3, 1], _writer.BatchSizes);
    }

    [Fact]
    public async Task Two_appends_to_one_stream_in_one_batch_chain_and_a_stale_third_conflicts_while_the_others_commit()
    {
        var held = _writer.HoldNextBatch();
        var warmup = Append("task/T-0", 0);
        await held.Within();
        var chained = new[] { Append("task/T-1", 0, 2), Append("task/T-1", 2), Append("task/T-1", 0), Append("task/T-2", 0) };

        _writer.Release();
        await warmup.Within();
        var results = await Task.WhenAll(chained).Within();

        Assert.Equal([1, 4], _writer.BatchSizes);
        Assert.Equal(
            [AppendResult.Success(0, 2, 2, 3), AppendResult.Success(2, 3, 4, 4), AppendResult.Conflict(0, 3), AppendResult.Success(0, 1, 5, 5)],
            results);
        Assert.Equal(["task/T-0#1", "task/T-1#1", "task/T-1#2", "task/T-1#3", "task/T-2#1"], _writer.Committed.Select(e => $"{e.Stream}#{e.Sequence}"));
    }

    [Fact]
    public async Task A_batch_failing_before_commit_fails_every_append_in_it_and_writes_none_of_them()
    {
        var held = _writer.HoldNextBatch();
        var first = Append("task/T-0", 0);
        await held.Within();
        var doomed = Enumerable.Range(1, 4).Select(i => Append($"task/T-{i}", 0)).ToList();
        _writer.FailNextBatch(new EventLogException("disk full before commit", outcomeUnknown: false));

        _writer.Release();
        await first.Within();

        foreach (var append in doomed)
        {
            var error = await Assert.ThrowsAsync<EventLogException>(() => append.Within());
            Assert.False(error.OutcomeUnknown);
            Assert.Equal("disk full before commit", error.Message);
        }
        Assert.Equal(["task/T-0"], _writer.Committed.Select(e => e.Stream));
        Assert.Equal(AppendResult.Success(0, 1, 2, 2), await Append("task/T-1", 0).Within());
    }

    [Fact]
    public async Task A_batch_failing_at_commit_or_with_an_unexpected_error_reports_outcome_unknown_to_every_append()
    {
        _writer.FailNextBatch(new EventLogException("commit cut", outcomeUnknown: true));
        var atCommit = await Assert.ThrowsAsync<EventLogException>(() => Append("task/T-1", 0).Within());
        _writer.FailNextBatch(new IOException("the disk went away"));
        var unexpected = await Assert.ThrowsAsync<EventLogException>(() => Append("task/T-1", 0).Within());

        Assert.True(atCommit.OutcomeUnknown);
        Assert.True(unexpected.OutcomeUnknown);
        Assert.IsType<IOException>(unexpected.InnerException);
        Assert.Empty(_writer.Committed);
    }

    [Fact]
    public async Task Cancelling_an_append_still_queued_withdraws_it_so_it_is_never_written()
    {
        var held = _writer.HoldNextBatch();
        var first = Append("task/T-0", 0);
        await held.Within();
        using var cancel = new CancellationTokenSource();
        var withdrawn = Append("task/T-1", 0, cancellationToken: cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn.Within());
        _writer.Release();
        await first.Within();
        await Append("task/T-2", 0).Within();

        Assert.Equal(["task/T-0", "task/T-2"], _writer.Committed.Select(e => e.Stream));
        Assert.Equal([1, 1], _writer.BatchSizes);
    }

    [Fact]
    public async Task Cancelling_an_append_already_in_a_batch_does_not_unwrite_it_and_reports_outcome_unknown()
    {
        var held = _writer.HoldNextBatch();
        using var cancel = new CancellationTokenSource();
        var taken = Append("task/T-1", 0, cancellationToken: cancel.Token);
        await held.Within();

        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<EventLogException>(() => taken.Within());
        _writer.Release();
        await Append("task/T-2", 0).Within();

        Assert.True(error.OutcomeUnknown);
        Assert.IsType<OperationCanceledException>(error.InnerException);
        Assert.Equal(["task/T-1", "task/T-2"], _writer.Committed.Select(e => e.Stream));
    }

    [Fact]
    public async Task Stopping_lets_the_batch_in_flight_commit_and_fails_queued_and_later_appends_without_writing_them()
    {
        var held = _writer.HoldNextBatch();
        var inFlight = Append("task/T-0", 0);
        await held.Within();
        var queued = new[] { Append("task/T-1", 0), Append("task/T-2", 0) };

        var stopping = Appender.StopAsync(CancellationToken.None);
        var late = await Assert.ThrowsAsync<EventLogException>(() => Append("task/T-3", 0));
        _writer.Release();
        await stopping.Within();

        Assert.Equal(AppendResult.Success(0, 1, 1, 1), await inFlight.Within());
        foreach (var append in queued)
        {
            Assert.False((await Assert.ThrowsAsync<EventLogException>(() => append.Within())).OutcomeUnknown);
        }
        Assert.False(late.OutcomeUnknown);
        Assert.Equal(["task/T-0"], _writer.Committed.Select(e => e.Stream));
    }

    [Fact]
    public async Task The_doorbell_rings_once_per_committed_batch_with_its_last_position_and_not_for_conflicts_alone()
    {
        var rung = Channel.CreateUnbounded<long>();
        using var subscription = _doorbell.Subscribe(p => rung.Writer.TryWrite(p));
        var held = _writer.HoldNextBatch();
        var first = Append("task/T-0", 0);
        await held.Within();
        var batch = new[] { Append("task/T-1", 0, 2), Append("task/T-2", 0, 3) };

        _writer.Release();
        await Task.WhenAll([first, .. batch]).Within();
        Assert.False((await Append("task/T-1", 0).Within()).Succeeded);
        await Append("task/T-3", 0).Within();

        Assert.Equal(1, await rung.Reader.ReadAsync().AsTask().Within());
        Assert.Equal(6, await rung.Reader.ReadAsync().AsTask().Within());
        Assert.Equal(7, await rung.Reader.ReadAsync().AsTask().Within());
        Assert.False(rung.Reader.TryRead(out _));
    }

    private GroupCommitAppender Create(int maxBatchSize) =>
        new(_writer, maxBatchSize, _doorbell, EventLogInstruments.None, TimeProvider.System, NullLogger.Instance);

    private Task<AppendResult> Append(string stream, long expected, int events = 1, CancellationToken cancellationToken = default) =>
        Appender.AppendAsync(
            stream,
            expected,
            Enumerable.Range(0, events).Select(i => new NewEvent("Changed", JsonSerializer.SerializeToElement(new { n = i }))).ToList(),
            cancellationToken);
}
