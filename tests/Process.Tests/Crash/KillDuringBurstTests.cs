using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using PolicingHub.Process.Tests.Support;
using Xunit.Abstractions;

namespace PolicingHub.Process.Tests.Crash;

/// <summary>
/// kill -9 a real silo in the middle of a burst of task assignments carrying idempotency keys, restart it on the same
/// data, and hold it to DESIGN §4: every acknowledged command is there, every key now answers (2xx, or a 4xx from the
/// rules — never a 5xx) with the same task, nothing is duplicated, and the read models agree with the tasks.
/// </summary>
public sealed class KillDuringBurstTests(ITestOutputHelper output)
{
    private const string Agreement = "MOU-CRASH-2026";
    private const string Requester = "KR-KNPA";
    private const string Assignee = "JP-NPA";
    private const int Burst = 300;
    private const int KillAfterAcknowledged = 100;
    private const int Concurrency = 16;

    [Fact]
    public async Task A_silo_killed_mid_burst_keeps_every_acknowledged_assignment_and_answers_every_key_once_restarted()
    {
        var data = Directory.CreateTempSubdirectory("policinghub-crash-").FullName;
        try
        {
            var acknowledged = new ConcurrentDictionary<int, string>();
            var sent = new ConcurrentDictionary<int, bool>();
            var failures = new ConcurrentQueue<string>();
            string token;
            await using (var silo = await SiloProcess.StartAsync(data))
            {
                token = await silo.FirstStartToken.WaitAsync(Eventually.Limit);
                using var hub = silo.Client(token);
                await hub.ActiveAgreement(Agreement, Requester, Assignee);

                var next = -1;
                var killed = 0;
                var hundredth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                async Task Worker()
                {
                    // Workers keep sending until the process is gone, so requests are in flight when it dies.
                    while (Interlocked.Increment(ref next) is var n && n < Burst)
                    {
                        sent[n] = true;
                        try
                        {
                            var (status, body) = await hub.Assign(HubApi.Assignment(Agreement, Requester, Assignee, n), Key(n));
                            if (status == HttpStatusCode.Created)
                            {
                                acknowledged[n] = HubApi.IdOf(body);
                                if (acknowledged.Count >= KillAfterAcknowledged)
                                {
                                    hundredth.TrySetResult();
                                }
                            }
                            else if (Volatile.Read(ref killed) == 0)
                            {
                                failures.Enqueue($"{Key(n)}: {(int)status} {body}");
                            }
                        }
                        catch (HttpRequestException) when (Volatile.Read(ref killed) == 1)
                        {
                            return; // in flight when the process died, or sent after: outcome unknown, retried below
                        }
                    }
                }
                async Task Killer()
                {
                    await hundredth.Task.WaitAsync(TimeSpan.FromSeconds(60));
                    Volatile.Write(ref killed, 1);
                    silo.Kill();
                }
                await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(Worker)).Append(Killer()));
                Assert.Equal(1, killed);
            }
            Assert.Empty(failures);
            Assert.InRange(acknowledged.Count, KillAfterAcknowledged, Burst - 1);

            output.WriteLine($"sent {sent.Count}, acknowledged {acknowledged.Count}, unanswered at the kill {sent.Count - acknowledged.Count}");

            await using var restarted = await SiloProcess.StartAsync(data);
            using var again = restarted.Client(token);
            var answered = new Dictionary<int, string>();
            foreach (var n in sent.Keys.Order())
            {
                var (status, body) = await again.Assign(HubApi.Assignment(Agreement, Requester, Assignee, n), Key(n));
                Assert.True(status == HttpStatusCode.Created, $"{Key(n)} after the restart: {(int)status} {body}");
                answered[n] = HubApi.IdOf(body);
            }
            foreach (var (n, id) in acknowledged)
            {
                Assert.Equal(id, answered[n]); // the acknowledged task, not a second one
            }

            var tasks = await again.Send(HttpMethod.Get, $"/api/tasks?agency={Assignee}");
            var listed = tasks.EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
            Assert.Equal(listed.Count, listed.Distinct().Count());
            Assert.Equal(answered.Values.Order().ToList(), listed.Order().ToList());

            var agency = await again.Send(HttpMethod.Get, $"/api/agencies/{Assignee}");
            Assert.Equal(listed.Count, agency.GetProperty("status").GetProperty("openTasks").GetInt32());
            var scorecard = await again.Send(HttpMethod.Get, $"/api/agreements/{Agreement}/scorecard");
            var parties = scorecard.GetProperty("parties").EnumerateArray().ToDictionary(p => p.GetProperty("agency").GetString()!);
            Assert.Equal(listed.Count, parties[Assignee].GetProperty("requestsReceived").GetInt32());
            Assert.Equal(listed.Count, parties[Requester].GetProperty("requestsSent").GetInt32());

            var audit = await again.Send(HttpMethod.Get, "/api/audit/verify");
            Assert.True(audit.GetProperty("valid").GetBoolean(), audit.GetRawText());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Key(int n) => $"crash-assign-{n:D4}";
}
