namespace PolicingHub.Grains.Errors;

/// <summary>A broken domain rule. The gateway maps each subclass to one HTTP status; the message is safe to show.</summary>
[GenerateSerializer, Alias("ph.DomainException")]
public abstract class DomainException(string message) : Exception(message);
