namespace PolicingHub.Grains.Errors;

/// <summary>Unknown agency, agreement, commitment or task (404).</summary>
[GenerateSerializer, Alias("ph.NotFoundException")]
public sealed class NotFoundException(string message) : DomainException(message);
