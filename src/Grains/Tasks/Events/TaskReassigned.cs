using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The task was reassigned to another party.</summary>
[EventName("task.reassigned")]
public sealed record TaskReassigned(
    TaskId Task,
    AgreementId Agreement,
    AgencyCode From,
    AgencyCode To,
    string Reason,
    HandlingCode Handling,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset Deadline);
