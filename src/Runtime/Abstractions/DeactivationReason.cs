namespace PolicingHub.Runtime;

public enum DeactivationReason
{
    Idle,
    Requested,
    InconsistentState,
    ShuttingDown,
}
