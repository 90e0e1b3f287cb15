namespace PolicingHub.Runtime;

/// <summary>When a reminder tick was due and when it fired. Due may be well before now after a restart.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset DueAt, DateTimeOffset FiredAt);
