using PolicingHub.Contracts.Tasks;

namespace PolicingHub.Console.Tests.Support;

/// <summary>Task views as the hub sends them.</summary>
public static class Views
{
    public static TaskView Task(string id, string status, string handling = "Amber", int escalation = 0) => new(
        id, "MOU-KR-JP-2026", "KR-KNPA", "JP-NPA", "InformationRequest", "Cyberspace", "Urgent", handling, "フィッシングキットのC2ログ",
        "Server logs for the C2 host.", status, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(7),
        DateTimeOffset.UtcNow.AddDays(3), null, null, null, null, null, escalation, []);

    public static string TaskJson(string id, string status) =>
        System.Text.Json.JsonSerializer.Serialize(Task(id, status), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
}
