namespace PolicingHub.Runtime.Activation;

/// <summary>A persistent state the activation reads before OnActivateAsync.</summary>
internal interface IStateLifecycle
{
    Task ReadStateAsync();
}
