using PolicingHub.Console.Session;

namespace PolicingHub.Console.Layout;

/// <summary>Each role's pages live under its own prefix: desk/ (partners), hub/ (coordinators), ops/ (operators).</summary>
public static class RolePages
{
    public static string StartOf(ConsoleRole? role) => role switch
    {
        ConsoleRole.Partner => "desk/tasks",
        ConsoleRole.Coordinator => "hub/tasks",
        ConsoleRole.Operator => "ops/cluster",
        _ => string.Empty,
    };

    /// <summary>Whether a base-relative path (e.g. "hub/agreements") is one of <paramref name="role"/>'s pages (or the root).</summary>
    public static bool IsFor(ConsoleRole? role, string path)
    {
        var first = path.Split('?', '#')[0].Split('/')[0];
        return first switch
        {
            "" => true,
            "desk" => role == ConsoleRole.Partner,
            "hub" => role == ConsoleRole.Coordinator,
            "ops" => role == ConsoleRole.Operator,
            _ => true,
        };
    }
}
