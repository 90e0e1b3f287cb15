namespace PolicingHub.Gateway.Security;

/// <summary>
/// Cross-origin (CORS) access, bound from "PolicingHub:Cors". Closed by default: no origin is allowed, so browsers
/// refuse cross-origin reads of the API and hub. List exact origins ("https://console.example.org") to open it.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string SectionName = "PolicingHub:Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
