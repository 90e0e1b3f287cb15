namespace PolicingHub.Contracts.Agreements;

/// <summary>A dated progress note on a commitment.</summary>
public sealed record ProgressNoteView(DateTimeOffset At, string By, string Note);
