using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Deadlines the agreement's clauses give a new request.</summary>
[GenerateSerializer, Immutable, Alias("ph.ResponseDeadlines")]
public sealed record ResponseDeadlines(
    [property: Id(0)] DateTimeOffset AcknowledgeBy,
    [property: Id(1)] DateTimeOffset AnswerBy);
