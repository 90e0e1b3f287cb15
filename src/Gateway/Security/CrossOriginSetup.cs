using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace PolicingHub.Gateway.Security;

/// <summary>The default CORS policy from <see cref="CrossOriginOptions"/>: only the listed origins, any header and method, with credentials.</summary>
internal sealed class CrossOriginSetup(IOptions<CrossOriginOptions> origins) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions options) => options.AddDefaultPolicy(policy =>
    {
        var allowed = origins.Value.AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).ToArray();
        if (allowed.Length > 0)
        {
            policy.WithOrigins(allowed).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
        }
    });
}
