using System.Text.Json;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Feed;

/// <summary>Recognises a task arriving at an agency: assigned to it, or reassigned to it.</summary>
public static class TaskArrival
{
    /// <returns>The task's title (or id) when <paramref name="e"/> gives <paramref name="agency"/> a new task; otherwise null.</returns>
    public static string? IsNewTaskFor(FeedEvent e, string? agency)
    {
        if (agency is null || e.Data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var to = e.Type switch
        {
            "task.assigned" => Text(e.Data, "assignee"),
            "task.reassigned" => Text(e.Data, "to") ?? Text(e.Data, "assignee"),
            _ => null,
        };
        return to == agency ? Text(e.Data, "title") ?? e.Stream : null;
    }

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
