namespace PolicingHub.Runtime.Invocation;

/// <summary>
/// The request a grain is executing: its id, the request that called it (the call chain), its deadline and its
/// idempotency key. Flows with the ExecutionContext so nested calls inherit the deadline and chain.
/// </summary>
internal sealed class CallContext(long requestId, CallContext? caller, DateTimeOffset deadline, string? idempotencyKey, MethodDescriptor? method)
{
    private static readonly AsyncLocal<CallContext?> CurrentContext = new();

    public static CallContext? Current
    {
        get => CurrentContext.Value;
        set => CurrentContext.Value = value;
    }

    public long RequestId { get; } = requestId;

    public CallContext? Caller { get; } = caller;

    public DateTimeOffset Deadline { get; } = deadline;

    public string? IdempotencyKey { get; } = idempotencyKey;

    public MethodDescriptor? Method { get; } = method;

    /// <summary>The activation running this request (set on admission).</summary>
    public Activation.ActivationData? Target { get; set; }

    /// <summary>True once a state write of this request recorded its idempotency key as pending.</summary>
    public bool CommandRecorded { get; set; }

    /// <summary>True when this request, or any request up its call chain, has the given id: calling back into it is reentrant.</summary>
    public bool ChainContains(long requestId)
    {
        for (var c = this; c is not null; c = c.Caller)
        {
            if (c.RequestId == requestId)
            {
                return true;
            }
        }
        return false;
    }
}
