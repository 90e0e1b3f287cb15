using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Gateway.Feed;

/// <summary>Console feed settings, bound from <see cref="SectionName"/> and validated on start.</summary>
public sealed class ConsoleFeedOptions
{
    public const string SectionName = "PolicingHub:ConsoleFeed";

    /// <summary>Events queued per connection; a live console that falls this far behind catches up from the log instead.</summary>
    [Range(16, 1_000_000)]
    public int OutboxCapacity { get; set; } = 1024;

    /// <summary>Events read from the log per page, by the pump and by each replay.</summary>
    [Range(1, 100_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>The safety tick: the pump reads the log this often even when no doorbell rang.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SafetyTick { get; set; } = TimeSpan.FromSeconds(1);
}
