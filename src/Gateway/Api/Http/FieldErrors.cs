using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Collects field errors while a request DTO is turned into a command. Each reader returns the parsed value (a default
/// when invalid) and records what is wrong; <see cref="ThrowIfAny"/> ends validation before any grain is called.
/// </summary>
internal sealed class FieldErrors
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    /// <summary>Required, non-blank text of at most <paramref name="maxLength"/> characters.</summary>
    public string Text(string field, string? value, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return string.Empty;
        }
        return OptionalText(field, value, maxLength) ?? string.Empty;
    }

    /// <summary>
    /// Optional text of at most <paramref name="maxLength"/> characters. Fields of up to <see cref="MaxNameLength"/>
    /// are single-line (no control characters); longer ones may hold line breaks and tabs (see <see cref="TextRules"/>).
    /// </summary>
    public string? OptionalText(string field, string? value, int maxLength = MaxTextLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        else if (value is not null && TextRules.Problem(value, multiLine: maxLength > MaxNameLength) is { } problem)
        {
            Add(field, problem);
        }
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A required id such as an <see cref="AgencyCode"/>, checked with its own rule.</summary>
    public TId Id<TId>(string field, string? value) where TId : struct, IStringId<TId>
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return default;
        }
        return OptionalId<TId>(field, value) ?? default;
    }

    public TId? OptionalId<TId>(string field, string? value) where TId : struct, IStringId<TId>
    {
        if (value is null)
        {
            return null;
        }
        if (!TId.IsValid(value))
        {
            // Never echo control or bidi characters back: name the problem instead.
            Add(field, TextRules.Problem(value, multiLine: false) is { } problem
                ? $"Not a valid {typeof(TId).Name}: {problem}"
                : $"'{Clip(value)}' is not a valid {typeof(TId).Name}.");
            return null;
        }
        return TId.Parse(value);
    }

    /// <summary>A required enum member named exactly (any case); numbers and combinations are refused.</summary>
    public TEnum Enum<TEnum>(string field, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return default;
        }
        return OptionalEnum<TEnum>(field, value) ?? default;
    }

    public TEnum? OptionalEnum<TEnum>(string field, string? value) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }
        var name = System.Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            Add(field, $"'{Clip(Printable(value))}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
            return null;
        }
        return System.Enum.Parse<TEnum>(name);
    }

    /// <summary>A required value; dates must also lie in the <see cref="DateWindow"/>.</summary>
    public TValue Required<TValue>(string field, TValue? value) where TValue : struct
    {
        if (value is null)
        {
            Add(field, "Required.");
        }
        return Optional(field, value).GetValueOrDefault();
    }

    /// <summary>An optional value; a date (DateTimeOffset or DateOnly) must lie in the <see cref="DateWindow"/>.</summary>
    public TValue? Optional<TValue>(string field, TValue? value) where TValue : struct
    {
        var problem = value switch
        {
            DateTimeOffset at => DateWindow.Problem(at),
            DateOnly day => DateWindow.Problem(day),
            _ => null,
        };
        if (problem is not null)
        {
            Add(field, problem);
        }
        return value;
    }

    /// <summary>A positive duration: ISO 8601 ("PT8H", "P3D") or "hh:mm:ss" / "d.hh:mm:ss".</summary>
    public TimeSpan Duration(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return TimeSpan.Zero;
        }
        TimeSpan? parsed = null;
        if (value.StartsWith('P'))
        {
            try
            {
                parsed = XmlConvert.ToTimeSpan(value);
            }
            catch (FormatException)
            {
            }
        }
        else if (value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span))
        {
            parsed = span;
        }
        if (parsed is not { } duration || duration <= TimeSpan.Zero)
        {
            Add(field, $"'{Clip(Printable(value))}' is not a positive duration (ISO 8601 like PT8H or P3D, or hh:mm:ss).");
            return TimeSpan.Zero;
        }
        return duration;
    }

    /// <summary>
    /// A list of at most <paramref name="max"/> items, each read by <paramref name="item"/> with its indexed field name
    /// (e.g. "parties[1]"); a required list must not be empty, and null items are refused.
    /// </summary>
    public ImmutableArray<TOut> List<TIn, TOut>(string field, IReadOnlyList<TIn?>? items, int max, bool required, Func<string, TIn, TOut> item)
    {
        if (items is null || items.Count == 0)
        {
            if (required)
            {
                Add(field, "Required: at least one item.");
            }
            return [];
        }
        if (items.Count > max)
        {
            Add(field, $"At most {max} items.");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<TOut>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var name = $"{field}[{i}]";
            if (items[i] is { } present)
            {
                result.Add(item(name, present));
            }
            else
            {
                Add(name, "Required.");
            }
        }
        return result.ToImmutable();
    }

    /// <summary>The value with control and bidi characters shown as \uXXXX, safe to echo in an error.</summary>
    private static string Printable(string value) => TextRules.Problem(value, multiLine: false) is null
        ? value
        : string.Concat(value.Select(c => char.IsControl(c) || TextRules.IsBidiControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static string Clip(string value) => value.Length <= 64 ? value : $"{value[..64]}…";
}
