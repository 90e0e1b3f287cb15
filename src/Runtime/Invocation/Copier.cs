using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;

namespace PolicingHub.Runtime.Invocation;

/// <summary>
/// Gives calls copy semantics: immutable values (primitives, strings, [Immutable] types, records whose fields are all
/// readonly and immutable, immutable collections of those) pass by reference; anything else is deep-copied through JSON.
/// </summary>
public sealed class Copier(RuntimeJson json)
{
    private static readonly HashSet<Type> KnownImmutable =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
        typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Version), typeof(JsonElement), typeof(GrainId),
    ];

    private static readonly HashSet<Type> ImmutableCollections =
    [
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>), typeof(ImmutableSortedSet<>),
        typeof(ImmutableDictionary<,>), typeof(ImmutableSortedDictionary<,>), typeof(ImmutableQueue<>), typeof(ImmutableStack<>),
    ];

    private readonly ConcurrentDictionary<Type, bool> _immutable = new();

    public bool IsImmutable(Type type)
    {
        if (_immutable.TryGetValue(type, out var known))
        {
            return known;
        }
        // Assume immutable while analysing so that self-referencing types terminate; the final answer replaces it.
        _immutable[type] = true;
        var result = Analyse(type);
        _immutable[type] = result;
        return result;
    }

    /// <summary>A value the callee may keep and the caller may change without either seeing the other's change.</summary>
    public T Copy<T>(T value) => value is null || IsImmutable(typeof(T)) ? value : (T)DeepCopy(value)!;

    public object? Copy(object? value, Type declaredType)
    {
        if (value is null || IsImmutable(declaredType) || IsImmutable(value.GetType()))
        {
            return value;
        }
        return DeepCopy(value);
    }

    private object? DeepCopy(object value)
    {
        var type = value.GetType();
        return json.Deserialize(json.Serialize(value, type), type);
    }

    private bool Analyse(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || KnownImmutable.Contains(type) || type.IsDefined(typeof(ImmutableAttribute), false))
        {
            return true;
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return IsImmutable(underlying);
        }
        if (type.IsGenericType && ImmutableCollections.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments().All(IsImmutable);
        }
        if (type.IsInterface || type.IsArray || type == typeof(object) || type.IsPointer || typeof(Delegate).IsAssignableFrom(type))
        {
            return false;
        }
        if (!type.IsValueType && !type.IsSealed)
        {
            return false; // a subclass could add mutable state
        }
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.IsInitOnly || !IsImmutable(field.FieldType))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
