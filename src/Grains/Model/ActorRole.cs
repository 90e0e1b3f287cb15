namespace PolicingHub.Grains.Model;

[GenerateSerializer, Alias("ph.ActorRole")]
public enum ActorRole
{
    Partner,
    Coordinator,
    Operator,
}
