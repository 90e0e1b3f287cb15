namespace PolicingHub.Contracts.Agreements;

/// <summary>How fast a request in an area and priority must be acknowledged and answered.</summary>
public sealed record ResponseClauseView(string Area, string Priority, TimeSpan AcknowledgeWithin, TimeSpan AnswerWithin);
