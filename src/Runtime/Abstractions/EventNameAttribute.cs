namespace PolicingHub.Runtime;

/// <summary>The stable wire name of a domain event type in the event log (default: the type's name).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
