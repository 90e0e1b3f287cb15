using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A progress update; the first one moves an accepted task to in progress.</summary>
public sealed record PostTaskUpdate(
    Actor Actor,
    string Text);
