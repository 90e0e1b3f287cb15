using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee acknowledges: a named officer and an expected answer time.</summary>
[GenerateSerializer, Immutable, Alias("ph.AcknowledgeTask")]
public sealed record AcknowledgeTask(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string Officer,
    [property: Id(2)] DateTimeOffset Eta);
