using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog.Hosting;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>The conformance suite on the in-memory log (the tests profile).</summary>
public sealed class InMemoryEventLogTests : EventLogConformanceTests
{
    protected override string StoreTag => "memory";

    protected override void AddLog(IServiceCollection services) => services.AddInMemoryEventLog();
}
