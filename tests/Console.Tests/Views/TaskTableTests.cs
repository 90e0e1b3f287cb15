using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Console.Feed;
using PolicingHub.Console.Shared;
using PolicingHub.Console.Tests.Support;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Tests.Views;

/// <summary>The task list shows current state: status, TLP badge, escalation, and a mark on what just changed.</summary>
public sealed class TaskTableTests : ConsoleTestContext
{
    [Fact]
    public void Each_task_shows_its_status_handling_badge_escalation_and_japanese_title()
    {
        var table = Render<TaskTable>(p => p.Add(t => t.Tasks, [Support.Views.Task("T-1", "Assigned", "AmberStrict", escalation: 2)]));

        var row = table.Find("tr[data-task='T-1']");
        Assert.Equal("Assigned", row.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Contains("TLP:AMBER+STRICT", row.TextContent);
        Assert.Equal("Escalated: level 2", row.QuerySelector("[data-testid=escalation]")!.TextContent.Trim());
        Assert.Contains("フィッシングキットのC2ログ", row.TextContent);
        Assert.Empty(table.FindAll("[data-testid=changed]"));
    }

    [Fact]
    public void A_task_whose_stream_just_changed_is_marked_and_the_others_are_not()
    {
        Services.GetRequiredService<ChangeMarks>().Record(new FeedEvent(9, "task/T-2", 2, "task.acknowledged", DateTimeOffset.UtcNow, JsonDocument.Parse("{}").RootElement));

        var table = Render<TaskTable>(p => p.Add(t => t.Tasks, [Support.Views.Task("T-1", "Assigned"), Support.Views.Task("T-2", "Acknowledged")]));

        Assert.Empty(table.Find("tr[data-task='T-1']").QuerySelectorAll("[data-testid=changed]"));
        Assert.Single(table.Find("tr[data-task='T-2']").QuerySelectorAll("[data-testid=changed]"));
        Assert.Contains("just-changed", table.Find("tr[data-task='T-2']").ClassName);
    }

    [Fact]
    public void An_empty_list_says_so_in_words()
    {
        var table = Render<TaskTable>(p => p.Add(t => t.Tasks, []).Add(t => t.EmptyText, "No tasks are assigned to your agency."));

        Assert.Equal("No tasks are assigned to your agency.", table.Find("[data-testid=no-tasks]").TextContent.Trim());
    }
}
