namespace PolicingHub.Runtime;

/// <summary>Names a grain class's type in grain ids, storage and event streams. Stable: never rename.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
