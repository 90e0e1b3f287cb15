using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee declines an acknowledged task, with a reason.</summary>
public sealed record DeclineTask(
    Actor Actor,
    string Reason);
