namespace PolicingHub.Runtime;

/// <summary>Marks a grain interface method that does not change state: it may interleave with other read-only calls.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReadOnlyAttribute : Attribute;
