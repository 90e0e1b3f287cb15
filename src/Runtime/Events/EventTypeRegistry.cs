using System.Collections.Concurrent;
using System.Reflection;

namespace PolicingHub.Runtime.Events;

/// <summary>Maps event types to their stable wire names ([EventName] or the type name) and back.</summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<Type, string> _names = new();
    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);

    public string GetName(Type eventType) => _names.GetOrAdd(eventType, static (t, types) =>
    {
        var name = t.GetCustomAttribute<EventNameAttribute>()?.Name ?? t.Name;
        var existing = types.GetOrAdd(name, t);
        if (existing != t)
        {
            throw new InvalidOperationException($"Event name '{name}' is used by both {existing.FullName} and {t.FullName}.");
        }
        return name;
    }, _types);

    /// <summary>Registers event types up front so they can be read back by name after a restart.</summary>
    public void Register(IEnumerable<Type> eventTypes)
    {
        foreach (var type in eventTypes)
        {
            GetName(type);
        }
    }

    public bool TryGetType(string name, out Type type) => _types.TryGetValue(name, out type!);
}
