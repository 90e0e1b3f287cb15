namespace PolicingHub.Runtime;

/// <summary>Implemented by grains that register durable reminders; reminders arrive through the normal call path.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
