namespace PolicingHub.Grains.Errors;

/// <summary>A command's content breaks a rule (non-party assignee, unregistered party, empty text…) (400). Message: "field: problem".</summary>
[GenerateSerializer, Alias("ph.DomainValidationException")]
public sealed class DomainValidationException(string message) : DomainException(message);
