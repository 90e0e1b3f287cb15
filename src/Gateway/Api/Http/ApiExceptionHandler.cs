using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>Writes the ProblemDetails of a known error (domain rules, validation, bad requests, timeouts); others stay 500.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ProblemMapper.From(exception) is not { } problem)
        {
            return false;
        }
        ApiLog.RequestRefused(log, httpContext.Request.Method, httpContext.Request.Path, problem.Status, problem.Title);
        await problem.ToResult().ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
