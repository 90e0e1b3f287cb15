namespace PolicingHub.Grains.Hosting;

/// <summary>
/// The clock of the domain's rules (deadlines, due dates), a keyed <see cref="TimeProvider"/> so tests can move it by
/// hand without moving Orleans' own clocks. Orleans' reminder clock is keyed separately (ReminderTimeProviderNames).
/// </summary>
public static class DomainTime
{
    public const string Key = "policinghub-domain";
}
