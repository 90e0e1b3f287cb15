using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agreements;

/// <summary>A request (task) made under an agreement, kept for the scorecard: who sent it, who has it, whether it was answered on time.</summary>
public sealed record RequestRecord(
    TaskId Task,
    AgencyCode Requester,
    AgencyCode Assignee,
    bool Answered,
    bool AnsweredOnTime);
