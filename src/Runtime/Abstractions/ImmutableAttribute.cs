namespace PolicingHub.Runtime;

/// <summary>Declares a type immutable so calls pass it by reference instead of copying it.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;
