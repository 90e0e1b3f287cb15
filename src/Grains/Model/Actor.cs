namespace PolicingHub.Grains.Model;

/// <summary>Who issues a command: the token's subject, role and (for partners) agency. Grains enforce the rules with it.</summary>
[GenerateSerializer, Immutable, Alias("ph.Actor")]
public sealed record Actor([property: Id(0)] string Subject, [property: Id(1)] ActorRole Role, [property: Id(2)] string? Agency)
{
    public bool IsCoordinator => Role == ActorRole.Coordinator;

    public bool ActsFor(string agency) => Role == ActorRole.Partner && string.Equals(Agency, agency, StringComparison.Ordinal);
}
