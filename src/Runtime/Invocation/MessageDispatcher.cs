using System.Text.Json;

namespace PolicingHub.Runtime.Invocation;

/// <summary>
/// The serialized form of the dispatch path: encodes a call as an <see cref="InvocationMessage"/>, and runs a received
/// message through <see cref="GrainDispatcher"/> exactly as a local call would, answering with a typed result or error.
/// This is what the inter-silo transport carries; on one silo it is used by tests to prove the path end to end.
/// </summary>
internal sealed class MessageDispatcher(GrainTypeRegistry registry, GrainDispatcher dispatcher, RuntimeJson json, TimeProvider time)
{
    public InvocationMessage Encode(GrainId grainId, Type grainInterface, string methodName, object?[] arguments, TimeSpan timeout, string? idempotencyKey = null)
    {
        var info = registry.GetInterface(grainInterface);
        if (!info.TryGet(methodName, out var method))
        {
            throw new ArgumentException($"{grainInterface.Name} has no method {methodName}.", nameof(methodName));
        }
        var encoded = arguments.Select((a, i) => json.ToElement(a, method.ParameterTypes[i])).ToArray();
        return new InvocationMessage(Guid.NewGuid().ToString("N"), grainId.Type, grainId.Key, grainInterface.FullName!, methodName,
            encoded, time.GetUtcNow() + timeout, idempotencyKey);
    }

    public async Task<InvocationResponse> DispatchAsync(InvocationMessage message)
    {
        try
        {
            if (!registry.TryGetInterface(message.Interface, out var info) || !info.TryGet(message.Method, out var method))
            {
                throw new InvalidOperationException($"Unknown grain method {message.Interface}.{message.Method}.");
            }
            if (message.Arguments.Count != method.ParameterTypes.Length)
            {
                throw new ArgumentException($"{method.Name} takes {method.ParameterTypes.Length} arguments; the message has {message.Arguments.Count}.");
            }
            var arguments = message.Arguments.Select((a, i) => json.FromElement(a, method.ParameterTypes[i])).ToArray();
            var options = new CallOptions { Timeout = message.Deadline - time.GetUtcNow(), IdempotencyKey = message.IdempotencyKey };
            var result = await method.InvokeUntypedAsync(dispatcher, new GrainId(message.GrainType, message.GrainKey), arguments, options).ConfigureAwait(false);
            JsonElement? encoded = method.ResultType is null ? null : json.ToElement(result, method.ResultType);
            return new InvocationResponse(message.CorrelationId, encoded, null);
        }
        catch (Exception ex)
        {
            return new InvocationResponse(message.CorrelationId, null, ErrorTypes.ToError(ex));
        }
    }

    public object? Decode(InvocationResponse response, Type? resultType)
    {
        if (response.Error is { } error)
        {
            throw ErrorTypes.ToException(error);
        }
        return resultType is null || response.Result is null ? null : json.FromElement(response.Result.Value, resultType);
    }
}
