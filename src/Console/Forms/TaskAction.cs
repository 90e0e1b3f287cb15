namespace PolicingHub.Console.Forms;

/// <summary>What a task form does; each is one POST /api/tasks/{id}/… with its own fields.</summary>
public enum TaskAction
{
    Acknowledge,
    Decline,
    PostUpdate,
    Complete,
    Reassign,
    Cancel,
}
