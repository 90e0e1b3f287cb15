namespace PolicingHub.Testing;

/// <summary>Awaiting with a bound instead of sleeping.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(50);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Limit);

    public static Task Within(this Task task) => task.WaitAsync(Limit);

    /// <summary>
    /// For a state held by another system that raises no signal (where Orleans placed a grain): checks
    /// <paramref name="condition"/> every 50 ms until it holds, failing with <paramref name="what"/> after <paramref name="limit"/> (default <see cref="Limit"/>).
    /// </summary>
    public static Task Until(Func<Task<bool>> condition, string what, TimeSpan? limit = null) => Until(condition, () => what, limit);

    /// <summary>As above; <paramref name="what"/> describes the state when the bound is reached.</summary>
    public static async Task Until(Func<Task<bool>> condition, Func<string> what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Limit);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"not within {limit ?? Limit}: {what()}");
            }
            await Task.Delay(Recheck);
        }
    }
}
