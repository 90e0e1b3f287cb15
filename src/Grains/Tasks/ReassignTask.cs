using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A coordinator reassigns an open task to another party.</summary>
public sealed record ReassignTask(
    Actor Actor,
    AgencyCode NewAssignee,
    string Reason);
