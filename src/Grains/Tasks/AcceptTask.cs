using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee accepts an acknowledged task.</summary>
public sealed record AcceptTask(
    Actor Actor);
