using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>How fast a request in an area and priority must be acknowledged and answered.</summary>
public sealed record ResponseClause(
    CooperationArea Area,
    Priority Priority,
    TimeSpan AcknowledgeWithin,
    TimeSpan AnswerWithin);
