using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>
/// The stream of changes: <c>count</c> commands at <c>rate</c> per second, sent open-loop (each at its due time, not
/// after the previous answer). Three in four assign a new task (agreement k of agencies k, k+1, k+2: assignee agency k,
/// requested by agency k+1; handling GREEN, AMBER, RED in turn); every fourth reassigns the task assigned three
/// commands before to agency k+2 (a task cannot go to its requester). On the bare hub the same events' payloads (as the real hub sent them) are broadcast on the same schedule.
/// </summary>
internal static class CommandStream
{
    private static readonly string[] Handling = ["Green", "Amber", "Red"];

    public static IReadOnlyList<PlannedEvent> Plan(string prefix, int count, IReadOnlyList<string> agencies, IReadOnlyList<string> agreements)
    {
        var events = new List<PlannedEvent>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 4 == 3)
            {
                var earlier = events[i - 3];
                var k = AgreementOf(i - 3, agencies.Count);
                var to = agencies[(k + 2) % agencies.Count];
                // The agency it was taken from and the new assignee; for a GREEN task every party of the agreement.
                string[] entitled = Handling[(i - 3) % Handling.Length] == "Green" ? [agencies[k], agencies[(k + 1) % agencies.Count], to] : [agencies[k], to];
                events.Add(new PlannedEvent(i, earlier.TaskId, "task.reassigned", entitled, $"/api/tasks/{earlier.TaskId}/reassign",
                    new { assignee = to, reason = "S3 bench: the other party takes it over" }));
                continue;
            }
            var a = AgreementOf(i, agencies.Count);
            var handling = Handling[i % Handling.Length];
            var (assignee, requester) = (agencies[a], agencies[(a + 1) % agencies.Count]);
            var id = $"{prefix}-{i:D5}";
            var parties = new[] { assignee, requester, agencies[(a + 2) % agencies.Count] };
            events.Add(new PlannedEvent(i, id, "task.assigned", handling == "Green" ? parties : [assignee], "/api/tasks", new
            {
                id,
                agreement = agreements[a],
                requestingAgency = requester,
                assignee,
                kind = "InformationRequest",
                area = "Cyberspace",
                priority = "Routine",
                handling,
                title = $"S3 bench request {i}",
                description = "S3 bench: identify the registrant and hosting of a domain used in a phishing campaign against partner banks.",
            }));
        }
        return events;
    }

    /// <summary>Sends the commands to the real hub as the coordinator (<paramref name="client"/>).</summary>
    public static Task<SentEvent[]> RunRealAsync(HttpClient client, IReadOnlyList<PlannedEvent> events, double rate) =>
        RunAsync(events, rate, e => new HttpRequestMessage(HttpMethod.Post, e.Path) { Content = JsonContent.Create(e.Body, options: JsonSerializerOptions.Web) }, client);

    /// <summary>Broadcasts each event's captured payload through the bare hub to the groups that must receive it.</summary>
    public static Task<SentEvent[]> RunBareAsync(HttpClient client, IReadOnlyList<PlannedEvent> events, IReadOnlyDictionary<(string, string), string> payloads, double rate) =>
        RunAsync(events, rate, e => new HttpRequestMessage(HttpMethod.Post,
            $"/broadcast?groups={Uri.EscapeDataString(string.Join(',', [.. e.Agencies, PolicingHub.Benchmarks.Feed.Plan.ConsolePlan.CoordinatorGroup]))}")
        {
            Content = new StringContent(payloads[e.Key], Encoding.UTF8, "application/json"),
        }, client);

    private static async Task<SentEvent[]> RunAsync(IReadOnlyList<PlannedEvent> events, double rate, Func<PlannedEvent, HttpRequestMessage> request, HttpClient client)
    {
        var sent = new Task<SentEvent>[events.Count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < events.Count; i++)
        {
            var due = start + (long)(i / rate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var e = events[i];
            var before = e.Type == "task.reassigned" ? sent[i - 3] : null;
            sent[i] = SendAsync(client, e, request, before);
        }
        return await Task.WhenAll(sent).WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<SentEvent> SendAsync(HttpClient client, PlannedEvent e, Func<PlannedEvent, HttpRequestMessage> request, Task<SentEvent>? before)
    {
        if (before is not null)
        {
            await before; // a reassignment goes after its task's assignment was answered
        }
        using var message = request(e);
        var at = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(message);
            var answered = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"  {e.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            return new SentEvent(e, at, answered, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"  {e.Path}: {ex.GetType().Name} {ex.Message}");
            return new SentEvent(e, at, Stopwatch.GetTimestamp(), 0);
        }
    }

    /// <summary>The agreement (ring index) of command <paramref name="i"/>: round-robin over every agency.</summary>
    private static int AgreementOf(int i, int agencies) => i % agencies;
}
