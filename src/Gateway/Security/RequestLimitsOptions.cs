using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Gateway.Security;

/// <summary>Per-subject rate limit and request body size limit, bound from "PolicingHub:Limits" and validated on start.</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "PolicingHub:Limits";

    /// <summary>Requests each subject (or, unauthenticated, each remote address) may make per one-second window.</summary>
    [Range(1, 1_000_000)]
    public int PermitPerSecond { get; set; } = 200;

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 65536;
}
