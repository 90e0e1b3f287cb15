namespace PolicingHub.Grains.Model;

public enum ActorRole
{
    Partner,
    Coordinator,
    Operator,
}
