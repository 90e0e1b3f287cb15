using System.Collections.Immutable;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>ImmutableArray compares by reference under Assert.Equal; compare its items instead.</summary>
public static class Collections
{
    public static IReadOnlyList<T> Items<T>(this ImmutableArray<T> values) => values.IsDefault ? [] : [.. values];
}
