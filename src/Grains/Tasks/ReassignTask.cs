using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A coordinator reassigns an open task to another party.</summary>
[GenerateSerializer, Immutable, Alias("ph.ReassignTask")]
public sealed record ReassignTask(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] AgencyCode NewAssignee,
    [property: Id(2)] string Reason);
