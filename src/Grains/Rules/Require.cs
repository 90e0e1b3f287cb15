using System.Collections.Immutable;
using PolicingHub.Grains.Errors;

namespace PolicingHub.Grains.Rules;

/// <summary>Input checks that throw <see cref="DomainValidationException"/> with "field: problem" messages.</summary>
internal static class Require
{
    public const int MaxText = 4000;

    public static string Text(string? value, string field, int max = MaxText)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainValidationException($"{field}: must not be empty");
        }
        if (value.Length > max)
        {
            throw new DomainValidationException($"{field}: must be at most {max} characters (was {value.Length})");
        }
        return value;
    }

    public static DateTimeOffset Future(DateTimeOffset value, DateTimeOffset now, string field)
        => value > now ? value : throw new DomainValidationException($"{field}: must be in the future (was {value:O}, now {now:O})");

    /// <summary>A missing JSON array arrives as a default ImmutableArray; treat it as empty.</summary>
    public static ImmutableArray<T> OrEmpty<T>(this ImmutableArray<T> values) => values.IsDefault ? [] : values;

    /// <summary>Set semantics on an ordered array: appends when absent.</summary>
    public static ImmutableArray<T> With<T>(this ImmutableArray<T> values, T item) => values.Contains(item) ? values : values.Add(item);
}
