using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicingHub.Console.Forms;

/// <summary>
/// The durations the hub accepts in response clauses, checked before sending: ISO 8601 days and times ("PT8H", "P3D",
/// "P1DT12H") or "hh:mm:ss" / "d.hh:mm:ss"; zero is refused.
/// </summary>
public static partial class DurationText
{
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var text = value.Trim();
        if (Iso().Match(text) is { Success: true } iso)
        {
            return iso.Groups.Cast<Group>().Skip(1).Any(g => g.Success && decimal.Parse(g.Value, CultureInfo.InvariantCulture) > 0);
        }
        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero;
    }

    /// <summary>A clause's duration in words: "8 h", "3 d", "1 d 12 h", "45 min".</summary>
    public static string Describe(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days} d");
        }
        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours} h");
        }
        if (span.Minutes > 0 || parts.Count == 0)
        {
            parts.Add($"{span.Minutes} min");
        }
        return string.Join(' ', parts);
    }

    [GeneratedRegex(@"^P(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}
