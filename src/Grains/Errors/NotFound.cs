namespace PolicingHub.Grains.Errors;

/// <summary>Reading a grain that may not exist.</summary>
public static class NotFound
{
    /// <summary>The view, or null when the grain reports it does not exist (<see cref="NotFoundException"/>).</summary>
    public static async Task<T?> OrNull<T>(Task<T> read) where T : class
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
