namespace PolicingHub.Contracts.Tasks;

/// <summary>A dated update on a task, and who posted it.</summary>
public sealed record TaskUpdateView(DateTimeOffset At, string By, string Text);
