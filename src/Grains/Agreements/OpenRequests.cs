using System.Collections.Immutable;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agreements;

/// <summary>The unanswered requests (tasks) sent by one agency to another under an agreement, in the order recorded.</summary>
public sealed record OpenRequests(
    AgencyCode Requester,
    AgencyCode Assignee,
    ImmutableArray<TaskId> Tasks);
