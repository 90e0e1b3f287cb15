using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>How fast a request in an area and priority must be acknowledged and answered.</summary>
[GenerateSerializer, Immutable, Alias("ph.ResponseClause")]
public sealed record ResponseClause(
    [property: Id(0)] CooperationArea Area,
    [property: Id(1)] Priority Priority,
    [property: Id(2)] TimeSpan AcknowledgeWithin,
    [property: Id(3)] TimeSpan AnswerWithin);
