namespace PolicingHub.Gateway.Tests.Support;

/// <summary>What the process writes to standard error while an action runs (Program prints its one-line refusals there).</summary>
public static class StandardError
{
    private static readonly Lock Gate = new();

    /// <summary>Runs <paramref name="action"/> with Console.Error captured; returns its result and the lines written meanwhile.</summary>
    public static (T Result, IReadOnlyList<string> Lines) Capture<T>(Func<T> action)
    {
        lock (Gate)
        {
            var original = Console.Error;
            using var captured = new StringWriter();
            Console.SetError(TextWriter.Synchronized(captured));
            try
            {
                var result = action();
                return (result, captured.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            }
            finally
            {
                Console.SetError(original);
            }
        }
    }
}
