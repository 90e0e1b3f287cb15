namespace PolicingHub.Grains.Model;

/// <summary>The closed list of cooperation areas an agreement may cover (DESIGN.md §1). Wire names are the member names.</summary>
[GenerateSerializer, Alias("ph.CooperationArea")]
public enum CooperationArea
{
    EconomicSecurity,
    Cyberspace,
    TransnationalCrime,
    OrganizedCrime,
    Drugs,
    Terrorism,
    Fugitives,
    AiAndTechnology,
    NationalsAbroad,
    Forensics,
    CapacityBuilding,
    SecurityInvestigations,
}
