namespace PolicingHub.Grains.Errors;

/// <summary>Unknown agency, agreement, commitment or task (404).</summary>
public sealed class NotFoundException(string message) : DomainException(message);
