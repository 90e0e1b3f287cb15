using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Orleans.Runtime;
using PolicingHub.Gateway.Projections;
using PolicingHub.Grains.Errors;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>The one mapping from exceptions to HTTP problems, shared by the exception handler and the audit filter.</summary>
internal static class ProblemMapper
{
    public const string ValidationTitle = "One or more validation errors occurred.";

    /// <summary>The problem an exception stands for; null for an unexpected error (a 500 without details).</summary>
    public static ApiProblem? From(Exception exception) => exception switch
    {
        RequestValidationException e => new ApiProblem(400, ValidationTitle, null, e.Errors.ToDictionary()),
        MalformedBodyException e => new ApiProblem(400, "Malformed request body", e.Message),
        DomainValidationException e => new ApiProblem(400, "Invalid command", e.Message, FieldErrorOf(e.Message)),
        ForbiddenException e => new ApiProblem(403, "Forbidden", e.Message),
        NotFoundException e => new ApiProblem(404, "Not found", e.Message),
        InvalidTransitionException e => new ApiProblem(409, "Invalid transition", e.Message),
        ConflictException e => new ApiProblem(409, "Conflict", e.Message),
        IdempotencyKeyReusedException e => new ApiProblem(409, "Idempotency key reused", e.Message),
        ConcurrencyConflictException e => new ApiProblem(409, "Conflict", e.Message),
        TimeoutException => new ApiProblem(504, "Grain call timed out", "The outcome is unknown; retry with the same Idempotency-Key."),
        StoreFailedException { OutcomeUnknown: false } => new ApiProblem(503, "Store unavailable", "Nothing was written; retry."),
        StoreFailedException => new ApiProblem(504, "Outcome unknown", "The store failed while committing; retry with the same Idempotency-Key."),
        ReadModelsBehindException e => new ApiProblem(503, "Read models are catching up", e.Message),
        DbException { IsTransient: true } => new ApiProblem(503, "Store unavailable", // e.g. PostgreSQL out of connections, a read waiting too long for one
            "The store is busy right now; retry with the same Idempotency-Key."),
        OrleansException => new ApiProblem(503, "Service unavailable", // a silo unreachable or dying, the directory settling after a membership change
            "The cluster cannot reach the grain right now; retry with the same Idempotency-Key."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e => new ApiProblem(413, "Payload too large", e.Message),
        BadHttpRequestException e => new ApiProblem(e.StatusCode, "Bad request", e.Message),
        _ => null,
    };

    /// <summary>The audit outcome of a failed command.</summary>
    public static string Outcome(Exception exception) => From(exception)?.Outcome ?? "500 Internal Server Error";

    /// <summary>Domain validation messages read "field: problem"; the field becomes the error's key.</summary>
    private static Dictionary<string, string[]> FieldErrorOf(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !message.AsSpan(0, colon).ContainsAny(' ', '\'')
            ? new Dictionary<string, string[]> { [message[..colon]] = [message[(colon + 2)..]] }
            : new Dictionary<string, string[]> { ["command"] = [message] };
    }
}
