using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Hosting;
using PolicingHub.Runtime.Idempotency;
using PolicingHub.Runtime.Invocation;
using PolicingHub.Runtime.Reminders;

namespace PolicingHub.Runtime.Activation;

/// <summary>The silo-wide services every activation shares. Resolves the catalog and dispatcher lazily to break the cycle.</summary>
internal sealed class ActivationServices(
    IServiceProvider services,
    TimeProvider time,
    IOptions<RuntimeOptions> options,
    RuntimeMetrics metrics,
    ILoggerFactory loggerFactory)
{
    private Catalog? _catalog;
    private GrainDispatcher? _dispatcher;
    private IGrainFactory? _grainFactory;
    private IReminderRegistry? _reminders;
    private GrainActivator? _activator;
    private IdempotentCallRunner? _idempotency;

    public IServiceProvider Services { get; } = services;

    public TimeProvider Time { get; } = time;

    public RuntimeOptions Options { get; } = options.Value;

    public RuntimeMetrics Metrics { get; } = metrics;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("PolicingHub.Runtime.Activation");

    public Catalog Catalog => _catalog ??= Services.GetRequiredService<Catalog>();

    public GrainDispatcher Dispatcher => _dispatcher ??= Services.GetRequiredService<GrainDispatcher>();

    public IGrainFactory GrainFactory => _grainFactory ??= Services.GetRequiredService<IGrainFactory>();

    public IReminderRegistry Reminders => _reminders ??= Services.GetRequiredService<IReminderRegistry>();

    public GrainActivator Activator => _activator ??= Services.GetRequiredService<GrainActivator>();

    public IdempotentCallRunner Idempotency => _idempotency ??= new IdempotentCallRunner(
        Services.GetRequiredService<ICommandLedger>(), Services.GetRequiredService<RuntimeJson>());
}
