namespace PolicingHub.Runtime;

/// <summary>On a grain constructor parameter of type IPersistentState&lt;T&gt;: the runtime supplies the state named here.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    public string StateName { get; } = stateName;
}
