namespace PolicingHub.Grains.Model;

public enum Priority
{
    Routine,
    Urgent,
    Critical,
}
