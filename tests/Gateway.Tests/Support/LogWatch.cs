using PolicingHub.EventLog;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>Waits, within <see cref="Eventually.Limit"/>, until the log holds what a test expects: woken by the log's doorbell, never by sleeping.</summary>
public static class LogWatch
{
    public static async Task<IReadOnlyList<EventEnvelope>> WaitUntilAsync(GatewayFactory factory, Func<IReadOnlyList<EventEnvelope>, bool> done)
    {
        var log = factory.Log;
        var rung = new SemaphoreSlim(0);
        using var subscription = factory.Services.GetDoorbell().Subscribe(_ => rung.Release());
        using var limit = new CancellationTokenSource(Eventually.Limit);
        while (true)
        {
            var events = await HubState.ReadAllAsync(log);
            if (done(events))
            {
                return events;
            }
            try
            {
                await rung.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The log did not reach the expected state within {Eventually.Limit} (it holds {events.Count} events).");
            }
        }
    }

    /// <summary>Waits until the log holds <paramref name="count"/> events of <paramref name="type"/> on <paramref name="stream"/>.</summary>
    public static Task<IReadOnlyList<EventEnvelope>> WaitForAsync(GatewayFactory factory, string stream, string type, int count = 1) =>
        WaitUntilAsync(factory, events => events.Count(e => e.Stream == stream && e.Type == type) >= count);

    private static IEventLogDoorbell GetDoorbell(this IServiceProvider services) =>
        (IEventLogDoorbell)services.GetService(typeof(IEventLogDoorbell))!;
}
