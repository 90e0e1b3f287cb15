namespace PolicingHub.Grains.Errors;

/// <summary>The lifecycle does not allow this step now, or the agreement is not active (409).</summary>
[GenerateSerializer, Alias("ph.InvalidTransitionException")]
public sealed class InvalidTransitionException(string message) : DomainException(message);
