using System.Collections.Frozen;
using System.Reflection;

namespace PolicingHub.Runtime.Invocation;

/// <summary>The methods of one grain interface (including inherited interfaces), by MethodInfo and by wire name.</summary>
internal sealed class GrainInterfaceInfo
{
    private readonly FrozenDictionary<MethodInfo, MethodDescriptor> _byMethod;
    private readonly FrozenDictionary<string, MethodDescriptor> _byName;

    public GrainInterfaceInfo(Type interfaceType, Copier copier)
    {
        if (!interfaceType.IsInterface || !typeof(IGrain).IsAssignableFrom(interfaceType))
        {
            throw new InvalidOperationException($"{interfaceType.Name} is not a grain interface (an interface deriving from IGrain).");
        }
        InterfaceType = interfaceType;
        var methods = new[] { interfaceType }.Concat(interfaceType.GetInterfaces())
            .SelectMany(i => i.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .ToArray();
        var duplicate = methods.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"{interfaceType.Name} has more than one method named {duplicate.Key}; grain interface method names must be unique.");
        }
        var descriptors = methods.Select(m => MethodDescriptorFactory.Create(m.DeclaringType!, m, copier)).ToArray();
        _byMethod = descriptors.ToFrozenDictionary(d => d.Method);
        _byName = descriptors.ToFrozenDictionary(d => d.Method.Name, StringComparer.Ordinal);
    }

    public Type InterfaceType { get; }

    public MethodDescriptor Get(MethodInfo method) => _byMethod.TryGetValue(method, out var d)
        ? d
        : throw new InvalidOperationException($"{method.Name} is not a method of grain interface {InterfaceType.Name}.");

    public bool TryGet(string methodName, out MethodDescriptor descriptor) => _byName.TryGetValue(methodName, out descriptor!);
}
