using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>The task was reassigned to another party.</summary>
[GenerateSerializer, Immutable, Alias("task.reassigned")]
public sealed record TaskReassigned(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] AgreementId Agreement,
    [property: Id(2)] AgencyCode From,
    [property: Id(3)] AgencyCode To,
    [property: Id(4)] string Reason,
    [property: Id(5)] HandlingCode Handling,
    [property: Id(6)] DateTimeOffset AcknowledgeBy,
    [property: Id(7)] DateTimeOffset Deadline,
    [property: Id(8)] DateTimeOffset At);
