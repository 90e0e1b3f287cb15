namespace PolicingHub.Contracts.Agreements;

/// <summary>A commitment of one party: area, text, due time, status (Open, Fulfilled, Overdue, Waived) and its progress notes.</summary>
public sealed record CommitmentView(
    int Number,
    string Area,
    string Text,
    string ResponsibleParty,
    DateTimeOffset DueAt,
    string Status,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<ProgressNoteView> Progress);
