using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Refuses a request whose header values hold anything but printable ASCII (and tab) with a 400 ProblemDetails naming
/// the header, before authentication and endpoints. Kestrel is told to decode header bytes as Latin-1
/// (<see cref="ConfigureKestrel"/>) so that such requests reach this middleware instead of getting Kestrel's own
/// empty-bodied 400.
/// </summary>
internal sealed class HeaderValidationMiddleware(RequestDelegate next, IProblemDetailsService problems, ILogger<HeaderValidationMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null && !TextRules.IsPrintableAscii(value))
                {
                    ApiLog.RequestRefused(log, context.Request.Method, context.Request.Path, StatusCodes.Status400BadRequest, $"malformed header {name}");
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await problems.WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status400BadRequest,
                            Title = "Malformed header",
                            Detail = $"The value of header '{name}' must be printable ASCII.",
                        },
                    }).ConfigureAwait(false);
                    return;
                }
            }
        }
        await next(context).ConfigureAwait(false);
    }

    /// <summary>Kestrel: decode every header as Latin-1 (any byte is a character), so this middleware can answer.</summary>
    internal sealed class ConfigureKestrel : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions options)
        {
            options.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            options.ResponseHeaderEncodingSelector = _ => Encoding.Latin1;
        }
    }
}
