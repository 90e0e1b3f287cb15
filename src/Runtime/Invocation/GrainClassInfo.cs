using System.Reflection;

namespace PolicingHub.Runtime.Invocation;

/// <summary>A registered grain class: its grain type name and the grain interfaces it implements.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type classType)
    {
        if (!typeof(Grain).IsAssignableFrom(classType) || classType.IsAbstract)
        {
            throw new InvalidOperationException($"{classType.Name} is not a grain class (a non-abstract class deriving from Grain).");
        }
        ClassType = classType;
        TypeName = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(classType);
        if (TypeName.Length == 0 || TypeName.Contains('/'))
        {
            throw new InvalidOperationException($"Grain type name '{TypeName}' of {classType.Name} must be non-empty and contain no '/'.");
        }
        Interfaces = classType.GetInterfaces()
            .Where(i => typeof(IGrain).IsAssignableFrom(i) && i != typeof(IGrain) && i != typeof(IGrainWithStringKey))
            .ToArray();
        Constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{classType.Name} has no public constructor.");
    }

    public Type ClassType { get; }

    public string TypeName { get; }

    public Type[] Interfaces { get; }

    public ConstructorInfo Constructor { get; }

    private static string DefaultName(Type type)
    {
        var name = type.Name.EndsWith("Grain", StringComparison.Ordinal) && type.Name.Length > 5 ? type.Name[..^5] : type.Name;
        return name.ToLowerInvariant();
    }
}
