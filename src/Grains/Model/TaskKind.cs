namespace PolicingHub.Grains.Model;

public enum TaskKind
{
    CaseCollaboration,
    InformationRequest,
    FugitiveLocation,
    JointOperation,
    IntelligenceSharing,
    CapacityBuilding,
}
