namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Which characters a text field may hold. Ids and single-line fields (names, titles, officers): no control characters
/// at all. Multi-line fields (descriptions, notes, outcomes): line feed, carriage return and tab only. Neither may hold
/// the Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which can make text read
/// differently from what it says (Trojan Source), nor unpaired surrogates.
/// </summary>
internal static class TextRules
{
    /// <summary>Why <paramref name="value"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(string value, bool multiLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
            {
                return $"Control character U+{(int)c:X4} at index {i} is not allowed{(multiLine ? " (only line breaks and tabs are)" : string.Empty)}.";
            }
            if (IsBidiControl(c))
            {
                return $"Bidirectional control character U+{(int)c:X4} at index {i} is not allowed.";
            }
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                return $"Unpaired surrogate U+{(int)c:X4} at index {i} is not allowed.";
            }
        }
        return null;
    }

    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Whether a header value is printable ASCII (tab allowed), as RFC 9110 field values should be.</summary>
    public static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c != '\t' && (c < 0x20 || c > 0x7E))
            {
                return false;
            }
        }
        return true;
    }
}
