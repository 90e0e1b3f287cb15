using System.Net;
using System.Net.Http.Json;
using PolicingHub.Cluster.Tests.Processes.Support;
using Xunit.Abstractions;

namespace PolicingHub.Cluster.Tests.Processes;

/// <summary>
/// CAS fencing with real silo processes on PostgreSQL: a silo frozen with kill -STOP while it hosts an agency is
/// declared dead, the agency is served on the other silo (the hub's: its home region has no silo left), and then the frozen silo runs again still holding its old
/// activation — which must not be able to append. That silo is configured to re-read the membership table only once a
/// minute, so it certainly tries its stale append before it learns it was declared dead (with the default 2 s it races).
/// </summary>
public sealed class FencingProcessTests(ITestOutputHelper output)
{
    private const string Agency = "JP-F1";
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_stale_activation_on_a_silo_declared_dead_cannot_append_and_its_caller_gets_an_answer_that_is_not_a_500()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(database.ConnectionString, database.Name, ["hub"]);
        var hub = cluster.Silos[0].Silo;
        var stale = await cluster.AddAsync("ap", new Dictionary<string, string> { ["PolicingHub__Membership__TableRefreshTimeout"] = "00:01:00" });
        using var coordinator = hub.Client(cluster.Token);
        await coordinator.RegisterAsync(Agency, "ap");
        await Eventually.Until(async () => (await cluster.PlacementAsync(hub)).GetValueOrDefault(Agency) == stale, "the agency on the only ap silo", Long);
        var run = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, await SetReadinessAsync(coordinator, $"fence-{run}-a", "Elevated")); // on the stale silo's activation

        try
        {
            stale.Freeze();
            // Acknowledged while the stale silo cannot run: the gateway retried until it was declared dead, then a new
            // activation on the hub silo (region "ap" has no other silo) appended this command after the one above.
            Assert.Equal(HttpStatusCode.OK, await SetReadinessAsync(coordinator, $"fence-{run}-b", "Normal"));
            using var queued = await QueuedRequest.WriteAsync(stale.Port, "PUT", $"/api/agencies/{Agency}/readiness",
                """{"readiness":"Elevated","reason":"fencing test"}""", // the body SetReadinessAsync sends: the same key may be retried
                new Dictionary<string, string> { ["Authorization"] = $"Bearer {cluster.Token}", ["Idempotency-Key"] = $"fence-{run}-c" });
            stale.Resume();

            var answer = await queued.AnswerAsync(Long);
            output.WriteLine(answer is { } a ? a.Text : "no answer: the stale silo died first");
            Assert.True(stale.Wrote($"Append to agency/{Agency} lost the race"), "the stale activation's append was refused by the compare-and-swap:\n" + stale.Output);
            Assert.NotNull(answer);
            Assert.Contains(answer.Value.Status, new[] { 200, 409, 503, 504 });
            if (answer.Value.Status != 200)
            {
                Assert.Contains("application/problem+json", answer.Value.Text, StringComparison.Ordinal);
            }
        }
        finally
        {
            stale.Resume();
        }

        // Whatever the stale silo's caller was told, retrying with the same key settles it exactly once.
        Assert.Equal(HttpStatusCode.OK, await SetReadinessAsync(coordinator, $"fence-{run}-c", "Elevated"));
        Assert.Equal("Elevated", await coordinator.ReadinessAsync(Agency));
        foreach (var step in new[] { "a", "b", "c" })
        {
            Assert.Equal(1L, await database.ScalarAsync(
                $"SELECT count(*) FROM event_log WHERE stream = 'agency/{Agency}' AND type = 'command.accepted' AND data::text LIKE '%fence-{run}-{step}%'"));
        }
        // No fork: every stream's sequences are 1..n and the positions 1..N, with no gap and nothing twice.
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM (SELECT stream FROM event_log GROUP BY stream HAVING count(*) <> max(sequence)) AS forked"));
        Assert.True((bool)(await database.ScalarAsync("SELECT count(*) = max(position) FROM event_log"))!);
    }

    private static async Task<HttpStatusCode> SetReadinessAsync(HttpClient client, string key, string readiness)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/agencies/{Agency}/readiness")
        {
            Content = JsonContent.Create(new { readiness, reason = "fencing test" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
