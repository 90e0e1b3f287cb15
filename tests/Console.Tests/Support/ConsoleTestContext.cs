using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Console.Feed;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Tests.Support;

/// <summary>A bUnit context with the console's services over a <see cref="StubHub"/>, JS interop loose (MudBlazor, sessionStorage).</summary>
public abstract class ConsoleTestContext : BunitContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are async-disposable only: dispose the context asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected ConsoleTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddPolicingHubConsole(new Uri("http://hub.test/"));
        Services.AddSingleton(new HttpClient(Hub) { BaseAddress = new Uri("http://hub.test/") });
        Services.AddSingleton<IFeedConnectionFactory>(Connections);
    }

    protected StubHub Hub { get; } = new();

    protected ScriptedConnections Connections { get; } = new();
}
