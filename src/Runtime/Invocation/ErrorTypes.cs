using System.Collections.Concurrent;

namespace PolicingHub.Runtime.Invocation;

/// <summary>Turns exceptions into <see cref="GrainError"/> and back: the same exception type when it is loaded and takes a message.</summary>
public static class ErrorTypes
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    public static GrainError ToError(Exception error) => new(error.GetType().FullName ?? error.GetType().Name, error.Message);

    public static Exception ToException(GrainError error)
    {
        var type = Types.GetOrAdd(error.Type, Find);
        if (type is not null)
        {
            try
            {
                return (Exception)Activator.CreateInstance(type, error.Message)!;
            }
            catch (MissingMethodException)
            {
                // Fall through: the type exists but has no (string message) constructor.
            }
        }
        return new GrainInvocationException(error.Type, error.Message);
    }

    private static Type? Find(string fullName)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var type = assembly.GetType(fullName, throwOnError: false);
            if (type is not null && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract
                && type.GetConstructor([typeof(string)]) is not null)
            {
                return type;
            }
        }
        return null;
    }
}
