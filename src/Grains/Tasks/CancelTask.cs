using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A coordinator cancels an open task.</summary>
public sealed record CancelTask(
    Actor Actor,
    string Reason);
