namespace PolicingHub.Grains.Model;

/// <summary>Who issues a command: the token's subject, role and (for partners) agency. Grains enforce the rules with it.</summary>
public sealed record Actor(string Subject, ActorRole Role, string? Agency)
{
    public bool IsCoordinator => Role == ActorRole.Coordinator;

    public bool ActsFor(string agency) => Role == ActorRole.Partner && string.Equals(Agency, agency, StringComparison.Ordinal);
}
