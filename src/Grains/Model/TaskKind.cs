namespace PolicingHub.Grains.Model;

[GenerateSerializer, Alias("ph.TaskKind")]
public enum TaskKind
{
    CaseCollaboration,
    InformationRequest,
    FugitiveLocation,
    JointOperation,
    IntelligenceSharing,
    CapacityBuilding,
}
