namespace PolicingHub.Grains.Model;

[GenerateSerializer, Alias("ph.Readiness")]
public enum Readiness
{
    Normal,
    Elevated,
    Critical,
}
