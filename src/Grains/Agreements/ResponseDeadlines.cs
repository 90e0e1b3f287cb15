using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Deadlines the agreement's clauses give a new request.</summary>
public sealed record ResponseDeadlines(
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset AnswerBy);
