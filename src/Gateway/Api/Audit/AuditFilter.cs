using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Diagnostics;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>
/// The one place refused commands are audited: on every endpoint marked with <see cref="AuditAction"/>, once a refusal
/// is known — "&lt;status&gt; &lt;title&gt;" — it appends an audit record, then lets the error go on. Accepted commands are
/// audited by their grain's own append. Reads carry no <see cref="AuditAction"/> and pass straight through.
/// </summary>
internal sealed class AuditFilter(CommandAuditor auditor, GatewayInstruments instruments) : IEndpointFilter
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
            await auditor.RecordRefusalAsync(http, action.Name, ProblemMapper.Outcome(exception)).ConfigureAwait(false);
            throw;
        }
        if (OutcomeOf(result) is { } refused)
        {
            await auditor.RecordRefusalAsync(http, action.Name, refused).ConfigureAwait(false);
        }
        else
        {
            instruments.CommandAccepted();
        }
        return result;
    }

    private static string? OutcomeOf(object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: >= 400 and var status } and IValueHttpResult<Microsoft.AspNetCore.Mvc.ProblemDetails> { Value.Title: { } title }
            => $"{status} {title}",
        IStatusCodeHttpResult { StatusCode: >= 400 and var status } => $"{status} {ReasonPhrases.GetReasonPhrase(status)}",
        _ => null,
    };
}
