namespace PolicingHub.Runtime.Invocation;

/// <summary>A grain class added to the runtime (one DI registration per class).</summary>
public sealed record GrainRegistration(Type GrainClass);
