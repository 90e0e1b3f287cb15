using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee acknowledges: a named officer and an expected answer time.</summary>
public sealed record AcknowledgeTask(
    Actor Actor,
    string Officer,
    DateTimeOffset Eta);
