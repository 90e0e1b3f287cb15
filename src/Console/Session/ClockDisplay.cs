using System.Globalization;

namespace PolicingHub.Console.Session;

/// <summary>
/// Shows times in the viewer's zone (the browser's) or in UTC, as the viewer chooses in the top bar, and says how long
/// is left until a deadline. Forms read date-times in the same zone.
/// </summary>
public sealed class ClockDisplay(TimeProvider time)
{
    public bool Utc { get; private set; }

    public TimeZoneInfo Zone => Utc ? TimeZoneInfo.Utc : time.LocalTimeZone;

    public string ZoneName => Utc ? "UTC" : time.LocalTimeZone.Id;

    public event Action? Changed;

    public void UseUtc(bool utc)
    {
        Utc = utc;
        Changed?.Invoke();
    }

    public DateTimeOffset Now => time.GetUtcNow();

    public string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + (Utc ? " UTC" : string.Empty);

    /// <summary>"in 3 h 20 min", "2 d 4 h ago".</summary>
    public string Relative(DateTimeOffset at)
    {
        var span = at - Now;
        var text = Span(span.Duration());
        return span >= TimeSpan.Zero ? $"in {text}" : $"{text} ago";
    }

    /// <summary>The value for an &lt;input type="datetime-local"&gt; showing <paramref name="at"/> in the display zone.</summary>
    public string ToLocalInput(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads an &lt;input type="datetime-local"&gt; value as a time in the display zone.</summary>
    public DateTimeOffset? FromLocalInput(string? value)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    private static string Span(TimeSpan span) => span.TotalMinutes < 1 ? "under a minute"
        : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
        : span.TotalDays < 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : $"{(int)span.TotalDays} d {span.Hours} h";
}
