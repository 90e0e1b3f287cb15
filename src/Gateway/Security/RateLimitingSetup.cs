using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// A fixed one-second window per token subject (per remote address when unauthenticated) of
/// <see cref="RequestLimitsOptions.PermitPerSecond"/> requests; refusals are 429 ProblemDetails with Retry-After.
/// </summary>
internal sealed class RateLimitingSetup(IOptions<RequestLimitsOptions> limits) : IConfigureOptions<RateLimiterOptions>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public void Configure(RateLimiterOptions options)
    {
        var permits = limits.Value.PermitPerSecond;
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        options.OnRejected = OnRejected;
    }

    private static string PartitionOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(GatewayClaims.Subject)?.Value is { } subject
            ? $"sub:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var log = context.RequestServices.GetRequiredService<ILogger<RateLimitingSetup>>();
        SecurityLog.RateLimited(log, PartitionOf(context));
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "The rate limit for this subject was reached; retry after the Retry-After delay.",
            },
        }).ConfigureAwait(false);
    }
}
