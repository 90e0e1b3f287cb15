using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using PolicingHub.Gateway.Api.Http;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>
/// The one place commands are audited: on every endpoint marked with <see cref="AuditAction"/>, after the outcome is
/// known — "ok", or the refusal's "&lt;status&gt; &lt;title&gt;" — it appends an audit entry, then lets the result or the error
/// go on. Reads carry no <see cref="AuditAction"/> and pass straight through.
/// </summary>
internal sealed class AuditFilter(CommandAuditor auditor) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<AuditAction>() is not { } action)
        {
            return await next(context).ConfigureAwait(false);
        }
        object? result;
        try
        {
            result = await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            await auditor.RecordAsync(http, action.Name, ProblemMapper.Outcome(exception)).ConfigureAwait(false);
            throw;
        }
        await auditor.RecordAsync(http, action.Name, OutcomeOf(result)).ConfigureAwait(false);
        return result;
    }

    private static string OutcomeOf(object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: >= 400 and var status } and IValueHttpResult<Microsoft.AspNetCore.Mvc.ProblemDetails> { Value.Title: { } title }
            => $"{status} {title}",
        IStatusCodeHttpResult { StatusCode: >= 400 and var status } => $"{status} {ReasonPhrases.GetReasonPhrase(status)}",
        _ => "ok",
    };
}
