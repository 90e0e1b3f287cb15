using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;

[assembly: HostingStartup(typeof(PolicingHub.Gateway.Benchmarks.BenchHostingStartup))]

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// Loaded by the silo's own WebApplication.CreateBuilder through ASP.NET Core's hosting-startup hook (the bench passes
/// <c>--hostingStartupAssemblies=PolicingHub.Gateway.Benchmarks</c>), before src/Silo registers anything: adds the
/// plaintext endpoint in front of the whole pipeline, a hosted service that hands the bench the app's services once it
/// has started, and with <c>--profile</c> an outgoing grain call filter that times every grain call.
/// </summary>
public sealed class BenchHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, PlaintextStartupFilter>());
        services.AddHostedService<StartedHook>();
        if (HubHook.Profile is { } timer)
        {
            services.AddSingleton<IOutgoingGrainCallFilter>(timer);
        }
    });
}

/// <summary>What the running silo hands the bench: its root services, once the app (Orleans and Kestrel) has started.</summary>
internal static class HubHook
{
    private static TaskCompletionSource<IServiceProvider> s_started = New();

    public static Task<IServiceProvider> Started => s_started.Task;

    /// <summary>The grain call timer to install in the next silo, or null.</summary>
    public static GrainCallTimer? Profile { get; private set; }

    public static void Reset(GrainCallTimer? profile)
    {
        s_started = New();
        Profile = profile;
    }

    public static void SetStarted(IServiceProvider services) => s_started.TrySetResult(services);

    private static TaskCompletionSource<IServiceProvider> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal sealed class StartedHook(IServiceProvider services, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => HubHook.SetStarted(services));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Maps GET /plaintext → 200 "Hello, World!" (text/plain) in front of every hub middleware.</summary>
internal sealed class PlaintextStartupFilter : IStartupFilter
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("Hello, World!");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) => context.Request.Path == "/plaintext" && HttpMethods.IsGet(context.Request.Method) ? Plaintext(context) : rest(context));
        next(app);
    };

    private static Task Plaintext(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain";
        response.ContentLength = Payload.Length;
        return response.Body.WriteAsync(Payload).AsTask();
    }
}
