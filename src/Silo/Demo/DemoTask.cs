using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Silo.Demo;

/// <summary>A demo task: assigned, then moved along its lifecycle by its assignee until it reaches <see cref="Target"/>.</summary>
internal sealed record DemoTask(TaskId Id, AssignTask Assign, string Officer, CooperationTaskStatus Target);
