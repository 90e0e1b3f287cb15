namespace PolicingHub.Grains.Errors;

/// <summary>The actor may not do this: wrong role or wrong agency (403).</summary>
public sealed class ForbiddenException(string message) : DomainException(message);
