namespace PolicingHub.Grains.Model;

/// <summary>TLP 2.0 handling codes. Clear and Green may reach every party of the agreement; Amber and stricter reach only the assignee.</summary>
[GenerateSerializer, Alias("ph.HandlingCode")]
public enum HandlingCode
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}
