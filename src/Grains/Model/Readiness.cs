namespace PolicingHub.Grains.Model;

public enum Readiness
{
    Normal,
    Elevated,
    Critical,
}
