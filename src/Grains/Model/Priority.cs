namespace PolicingHub.Grains.Model;

[GenerateSerializer, Alias("ph.Priority")]
public enum Priority
{
    Routine,
    Urgent,
    Critical,
}
