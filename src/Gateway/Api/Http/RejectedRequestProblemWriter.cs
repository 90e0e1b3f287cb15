using System.Buffers;
using System.IO.Pipelines;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// The connection's output as Kestrel writes it, held until each flush so that a response Kestrel produced by itself
/// for a rejected request can be given a problem body (<see cref="KestrelRejectionResponse"/>) before it leaves. Every
/// other byte passes through unchanged and in order; the buffer is rented per flush and returned after it, so an idle
/// connection holds none.
/// </summary>
internal sealed class RejectedRequestProblemWriter(PipeWriter inner) : PipeWriter
{
    private byte[]? _buffer;
    private int _written;

    /// <summary>Kestrel asks (System.Text.Json decides when to flush by it): what is held here plus what the transport holds.</summary>
    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => _written + (inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0);

    public override void Advance(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (_buffer is null || _written + bytes > _buffer.Length)
        {
            throw new InvalidOperationException("Advanced past the memory handed out.");
        }
        _written += bytes;
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_written);

    public override Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_written);

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Forward();
        return await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Forward();
        inner.Complete(exception);
    }

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        Forward();
        await inner.CompleteAsync(exception).ConfigureAwait(false);
    }

    /// <summary>Hands what was written since the last flush to the transport (rewritten when it is a Kestrel rejection).</summary>
    private void Forward()
    {
        if (_buffer is not { } buffer)
        {
            return;
        }
        var written = buffer.AsSpan(0, _written);
        if (KestrelRejectionResponse.TryRewrite(written) is { } problem)
        {
            inner.Write(problem);
        }
        else if (written.Length > 0)
        {
            inner.Write(written);
        }
        _buffer = null;
        _written = 0;
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private byte[] Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (_buffer is { } current && current.Length >= needed)
        {
            return current;
        }
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(4096, (_buffer?.Length ?? 0) * 2)));
        if (_buffer is { } old)
        {
            old.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(old);
        }
        _buffer = larger;
        return larger;
    }
}
