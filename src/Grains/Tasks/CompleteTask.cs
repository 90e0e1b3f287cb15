using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee completes the task with its outcome.</summary>
public sealed record CompleteTask(
    Actor Actor,
    string Outcome);
