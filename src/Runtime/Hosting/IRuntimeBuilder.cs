using Microsoft.Extensions.DependencyInjection;

namespace PolicingHub.Runtime.Hosting;

/// <summary>Configures the runtime: grains, the store profile, JSON contracts. Returned by AddPolicingHubRuntime.</summary>
public interface IRuntimeBuilder
{
    IServiceCollection Services { get; }
}
