using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// Refuses a request whose declared body exceeds <see cref="RequestLimitsOptions.MaxRequestBytes"/> with a 413
/// ProblemDetails, and lowers the server's own body limit to the same size for bodies of undeclared length.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(
    RequestDelegate next, IOptions<RequestLimitsOptions> options, IProblemDetailsService problems, ILogger<RequestSizeLimitMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            SecurityLog.BodyTooLarge(log, length, limit);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Payload too large",
                    Detail = $"The request body may be at most {limit} bytes.",
                },
            }).ConfigureAwait(false);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        await next(context).ConfigureAwait(false);
    }
}
