using System.Collections.Concurrent;

namespace PolicingHub.Runtime.Invocation;

/// <summary>Which grain class serves which interface and type name; interface method tables built once per interface.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, GrainClassInfo> _byTypeName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, GrainClassInfo> _byInterface = [];
    private readonly Dictionary<string, Type> _interfacesByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, GrainInterfaceInfo> _interfaces = new();
    private readonly Copier _copier;

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations, Copier copier)
    {
        _copier = copier;
        foreach (var type in registrations.Select(r => r.GrainClass).Distinct())
        {
            var info = new GrainClassInfo(type);
            if (!_byTypeName.TryAdd(info.TypeName, info))
            {
                throw new InvalidOperationException($"Grain type name '{info.TypeName}' is used by {type.Name} and {_byTypeName[info.TypeName].ClassType.Name}.");
            }
            foreach (var iface in info.Interfaces)
            {
                GetInterface(iface); // validates the interface at start-up
                _interfacesByName[iface.FullName!] = iface;
                if (iface == typeof(IRemindable))
                {
                    continue;
                }
                if (!_byInterface.TryAdd(iface, info))
                {
                    throw new InvalidOperationException($"Grain interface {iface.Name} is implemented by both {type.Name} and {_byInterface[iface].ClassType.Name}.");
                }
            }
        }
    }

    public IEnumerable<GrainClassInfo> Classes => _byTypeName.Values;

    public GrainClassInfo GetClass(string grainType) => _byTypeName.TryGetValue(grainType, out var info)
        ? info
        : throw new InvalidOperationException($"No grain class is registered for grain type '{grainType}'.");

    public GrainClassInfo GetClassFor(Type grainInterface) => _byInterface.TryGetValue(grainInterface, out var info)
        ? info
        : throw new InvalidOperationException($"No grain class is registered for grain interface {grainInterface.Name}.");

    public GrainInterfaceInfo GetInterface(Type grainInterface) => _interfaces.GetOrAdd(grainInterface, static (t, c) => new GrainInterfaceInfo(t, c), _copier);

    public bool TryGetInterface(string fullName, out GrainInterfaceInfo info)
    {
        if (_interfacesByName.TryGetValue(fullName, out var type))
        {
            info = GetInterface(type);
            return true;
        }
        info = null!;
        return false;
    }
}
