using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>PolicingHub:Audit — how often the log is sealed with a signed checkpoint.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "PolicingHub:Audit";

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(5);
}
