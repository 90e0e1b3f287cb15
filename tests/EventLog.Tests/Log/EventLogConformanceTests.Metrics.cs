using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>The log's own instruments: append latency and batch size, appended events and conflicts, tagged by store and status.</summary>
public abstract partial class EventLogConformanceTests
{
    [Fact]
    public async Task Appends_are_measured_by_store_and_status()
    {
        using var measurements = new RecordedMeasurements(Host.MeterFactory);

        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned", "TaskAcknowledged"));
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"));

        var store = $"store={StoreTag}";
        Assert.Equal(
            [$"status=committed,{store}", $"status=conflict,{store}"],
            measurements.Of(EventLogInstruments.AppendDurationName).Select(m => m.Tags));
        Assert.All(measurements.Of(EventLogInstruments.AppendDurationName), m => Assert.True(m.Value >= 0));
        Assert.Equal(
            [($"status=committed,{store}", 1.0), ($"status=committed,{store}", 1.0)],
            measurements.Of(EventLogInstruments.BatchSizeName).Select(m => (m.Tags, m.Value)));
        Assert.Equal([(store, 2.0)], measurements.Of(EventLogInstruments.AppendedEventsName).Select(m => (m.Tags, m.Value)));
        Assert.Equal([(store, 1.0)], measurements.Of(EventLogInstruments.ConflictsName).Select(m => (m.Tags, m.Value)));
    }
}
