using Orleans.Runtime;

namespace PolicingHub.Grains.EventSourcing;

/// <summary>
/// Due-time reminders on Orleans reminders: registered before the append that needs them and removed after the one
/// that ends them, so a crash between the two leaves at most a reminder whose handler finds nothing to do. Orleans
/// reminders repeat; a one-shot is a reminder with a long period that its handler unregisters. Far due times are
/// reached in steps of at most <see cref="MaxStep"/> (the handler re-arms while the due time is still ahead).
/// </summary>
internal static class Reminders
{
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(30);
    public static readonly TimeSpan OneShotPeriod = TimeSpan.FromDays(1);

    /// <summary>Fires at <paramref name="due"/> (now if past), then every <paramref name="period"/> until unregistered.</summary>
    public static Task Schedule(Grain grain, string name, DateTimeOffset due, DateTimeOffset now, TimeSpan? period = null)
    {
        var wait = due - now;
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxStep ? MaxStep : wait;
        return grain.RegisterOrUpdateReminder(name, wait, period ?? OneShotPeriod);
    }

    public static async Task Cancel(Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
