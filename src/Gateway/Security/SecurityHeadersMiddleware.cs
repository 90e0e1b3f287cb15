using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// Adds the security headers to every response the application writes, errors and redirects included (they are set
/// when the response starts): X-Content-Type-Options nosniff, X-Frame-Options DENY, Referrer-Policy, the
/// Content-Security-Policy (frame-ancestors 'none'), Cross-Origin-Opener-Policy, and HSTS on HTTPS.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
{
    private readonly SecurityHeadersOptions _options = options.Value;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, options) = ((HttpContext, SecurityHeadersOptions))state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = options.ReferrerPolicy;
            headers.ContentSecurityPolicy = options.ContentSecurityPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps && options.HstsMaxAge > TimeSpan.Zero)
            {
                headers.StrictTransportSecurity = "max-age=" + ((long)options.HstsMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }
            return Task.CompletedTask;
        }, (context, _options));
        return next(context);
    }
}
