namespace PolicingHub.Grains.Errors;

/// <summary>The actor may not do this: wrong role or wrong agency (403).</summary>
[GenerateSerializer, Alias("ph.ForbiddenException")]
public sealed class ForbiddenException(string message) : DomainException(message);
