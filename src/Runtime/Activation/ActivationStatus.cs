namespace PolicingHub.Runtime.Activation;

internal enum ActivationStatus
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
