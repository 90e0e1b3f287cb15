namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>
/// One change in the command stream and, stated independently of the hub's code, who must receive it (DESIGN §4.7,
/// Grains/Model/Visibility): every coordinator, plus the partner consoles of <see cref="Agencies"/> — the assignee,
/// every party of the agreement when the task is TLP GREEN, and for a reassignment both the agency it was taken from and
/// the new one.
/// </summary>
internal sealed record PlannedEvent(int Index, string TaskId, string Type, IReadOnlyList<string> Agencies, string Path, object Body)
{
    public string Stream => $"task/{TaskId}";

    public (string Stream, string Type) Key => (Stream, Type);
}
