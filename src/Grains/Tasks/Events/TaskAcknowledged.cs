using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The assignee acknowledged the task.</summary>
[EventName("task.acknowledged")]
public sealed record TaskAcknowledged(
    TaskId Task,
    AgencyCode Assignee,
    string Officer,
    DateTimeOffset Eta);
