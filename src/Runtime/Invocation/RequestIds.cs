namespace PolicingHub.Runtime.Invocation;

internal static class RequestIds
{
    private static long _last;

    public static long Next() => Interlocked.Increment(ref _last);
}
