using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Gateway.Security;

/// <summary>Response security headers, bound from "PolicingHub:SecurityHeaders" and validated on start.</summary>
public sealed class SecurityHeadersOptions
{
    public const string SectionName = "PolicingHub:SecurityHeaders";

    /// <summary>
    /// The Content-Security-Policy of every response. The default lets the web console (and the Blazor WebAssembly
    /// console with MudBlazor: wasm needs 'wasm-unsafe-eval', MudBlazor inline styles) and the Orleans dashboard
    /// (one external module script, inline style attributes, data: images) run, and nothing from elsewhere.
    /// </summary>
    [Required]
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

    [Required]
    public string ReferrerPolicy { get; set; } = "no-referrer";

    /// <summary>Strict-Transport-Security on HTTPS responses; zero sends none.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "730.00:00:00")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}
