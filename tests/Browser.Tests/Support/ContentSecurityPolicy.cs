using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PolicingHub.Browser.Tests.Support;

/// <summary>
/// The gateway's Content-Security-Policy for the console (no inline script, WebAssembly allowed, same-origin only), set
/// on every response of the test host so the browser tests prove the console runs under it.
/// </summary>
internal sealed class ContentSecurityPolicy : IStartupFilter
{
    public const string Value = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey("Content-Security-Policy"))
                {
                    context.Response.Headers.ContentSecurityPolicy = Value;
                }
                return Task.CompletedTask;
            });
            await inner(context);
        });
        next(app);
    };
}
