using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Storage;

namespace PolicingHub.Runtime.Tests.Storage;

/// <summary>Concurrent writers: compare-and-swap lets exactly one through; the log stays gapless.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Of_50_concurrent_writers_with_the_same_etag_exactly_one_succeeds()
    {
        var first = await Storage.WriteAsync(Write(Agency("a"), null, "initial"));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Attempt(
            $"writer-{i}", () => Storage.WriteAsync(Write(Agency("a"), first.ETag, $"writer-{i}", ["Changed"])))));

        var winner = Assert.Single(attempts, a => a.Outcome is not null);
        var losers = attempts.Where(a => a.Error is not null).ToList();
        Assert.Equal(49, losers.Count);
        Assert.All(losers, a => Assert.Equal("2", Assert.IsType<InconsistentStateException>(a.Error).StoredETag));
        Assert.Equal("2", winner.Outcome!.ETag);
        Assert.Equal(new StoredState(winner.Payload, "2"), await Storage.ReadAsync(Agency("a"), StateName));
        var committed = Assert.Single(await Log.ReadAsync(0, 100));
        Assert.Equal(Describe(Assert.Single(winner.Outcome.Events)), Describe(committed));
        Assert.Equal(1, committed.Position);
    }

    [Fact]
    public async Task Concurrent_writers_to_different_grains_commit_every_event_with_gapless_positions()
    {
        const int grains = 20;
        const int writesPerGrain = 5;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, grains).Select(g => Task.Run(async () =>
        {
            var committed = new List<EventEnvelope>();
            string? etag = null;
            for (var w = 0; w < writesPerGrain; w++)
            {
                var outcome = await Storage.WriteAsync(Write(Agency($"g{g}"), etag, $"{w}", ["Changed", "Audited"]));
                etag = outcome.ETag;
                committed.AddRange(outcome.Events);
            }
            return committed;
        })));

        var log = await Log.ReadAsync(0, 1000);

        Assert.Equal(Enumerable.Range(1, grains * writesPerGrain * 2).Select(p => (long)p), log.Select(e => e.Position));
        Assert.Equal(
            outcomes.SelectMany(o => o).OrderBy(e => e.Position).Select(Describe),
            log.Select(Describe));
        foreach (var stream in log.GroupBy(e => e.Stream))
        {
            Assert.Equal(Enumerable.Range(1, writesPerGrain * 2).Select(s => (long)s), stream.Select(e => e.Sequence));
        }
        Assert.Equal(grains, log.Select(e => e.Stream).Distinct().Count());
        Assert.Equal(grains * writesPerGrain * 2, await Log.GetLastPositionAsync());
    }
}
