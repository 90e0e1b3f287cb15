using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Cluster;

/// <summary>
/// Carries an <see cref="InvocationMessage"/> to another silo, whose MessageDispatcher runs it through the same
/// dispatch path as a local call (DESIGN.md §4.8). No implementation on one silo: every grain is placed locally.
/// </summary>
public interface IGrainTransport
{
    Task<InvocationResponse> SendAsync(SiloAddress target, InvocationMessage message, CancellationToken cancellationToken);
}
