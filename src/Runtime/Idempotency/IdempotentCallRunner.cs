using PolicingHub.Runtime.Activation;
using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Idempotency;

/// <summary>
/// Runs a call that carries an idempotency key, inside the activation's turn: a key already recorded returns its
/// recorded outcome without running the method again; otherwise the method runs and its outcome is recorded before
/// the caller is answered. The pending record commits with the call's first state write, so an effect is never
/// applied twice even if the process dies before the outcome is recorded.
/// </summary>
internal sealed class IdempotentCallRunner(ICommandLedger ledger, RuntimeJson json)
{
    public async Task<TResult> RunAsync<TResult>(ActivationData activation, MethodDescriptor<TResult> method, object?[] arguments, CallContext context)
    {
        var key = context.IdempotencyKey!;
        var record = await ledger.FindAsync(activation.GrainId, key).ConfigureAwait(false);
        if (record is not null)
        {
            return Replay<TResult>(record, method, key, activation.GrainId);
        }
        TResult result;
        try
        {
            result = await activation.Invoke(method, arguments, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.CommandRecorded)
        {
            // The call changed state before it failed: the failure is its outcome, and a retry must see it.
            await ledger.CompleteAsync(activation.GrainId, key, method.Name, CommandOutcome.Failure(ex)).ConfigureAwait(false);
            throw;
        }
        var resultJson = method.ResultType is null ? null : json.Serialize(result, method.ResultType);
        await ledger.CompleteAsync(activation.GrainId, key, method.Name, CommandOutcome.Success(resultJson)).ConfigureAwait(false);
        return result;
    }

    private TResult Replay<TResult>(CommandRecord record, MethodDescriptor method, string key, GrainId grainId)
    {
        if (!string.Equals(record.Method, method.Name, StringComparison.Ordinal))
        {
            throw new IdempotencyKeyReusedException(
                $"Idempotency key '{key}' was already used on {grainId} for {record.Method}; it cannot be reused for {method.Name}.");
        }
        if (record.Outcome is null)
        {
            if (method.ResultType is null)
            {
                return default!;
            }
            throw new GrainInvocationException("OutcomeNotRecorded",
                $"The command with idempotency key '{key}' on {grainId} was applied, but its result was not recorded.");
        }
        if (record.Outcome.IsError)
        {
            throw ErrorTypes.ToException(new GrainError(record.Outcome.ErrorType!, record.Outcome.ErrorMessage ?? string.Empty));
        }
        return method.ResultType is null ? default! : (TResult)json.Deserialize(record.Outcome.ResultJson!, method.ResultType)!;
    }
}
