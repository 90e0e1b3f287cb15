using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A coordinator cancels an open task.</summary>
[GenerateSerializer, Immutable, Alias("ph.CancelTask")]
public sealed record CancelTask(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string Reason);
