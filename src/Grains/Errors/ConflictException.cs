namespace PolicingHub.Grains.Errors;

/// <summary>The thing already exists or changed meanwhile (409).</summary>
[GenerateSerializer, Alias("ph.ConflictException")]
public sealed class ConflictException(string message) : DomainException(message);
