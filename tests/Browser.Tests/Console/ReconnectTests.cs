using PolicingHub.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Console;

/// <summary>The server stops and starts again while a page is open: the page says it is reconnecting, retries by itself, resumes.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ReconnectTests(Chromium chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task A_page_open_while_the_server_restarts_says_it_is_reconnecting_then_comes_back_live_and_shows_new_tasks()
    {
        var directory = Directory.CreateTempSubdirectory("policinghub-restart-").FullName;
        try
        {
            var port = FreePorts.Next();
            var first = LiveSilo.Start(directory, port);
            await first.SeedDemoAsync();
            var token = first.PartnerToken("JP-NPA");
            await using var japan = await ConsolePage.SignedInAsync(chromium, first.BaseAddress, token);
            await Expect(japan.Heading("My tasks")).ToBeVisibleAsync();

            await first.DisposeAsync();
            await Expect(japan.Connection).ToHaveAttributeAsync("data-status", "reconnecting");
            await Expect(japan.Connection).ToContainTextAsync("Reconnecting (attempt");
            output.WriteLine($"while stopped: {await japan.Connection.InnerTextAsync()}");

            await using var second = LiveSilo.Start(directory, port);
            await Expect(japan.Connection).ToHaveAttributeAsync("data-status", "live", new() { Timeout = 40_000 });
            using var api = second.Coordinator();
            var task = await api.AssignTaskAsync("MOU-KR-JP-2026", "KR-KNPA", "JP-NPA", handling: "Amber");
            await Expect(japan.TaskRow(task)).ToBeVisibleAsync();
            Assert.DoesNotContain(japan.Errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
