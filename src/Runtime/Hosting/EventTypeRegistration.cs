namespace PolicingHub.Runtime.Hosting;

/// <summary>Event types registered up front with <see cref="RuntimeBuilderExtensions.AddEventTypes"/>.</summary>
public sealed record EventTypeRegistration(IReadOnlyList<Type> EventTypes);
