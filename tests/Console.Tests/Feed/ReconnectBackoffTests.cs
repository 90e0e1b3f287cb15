using PolicingHub.Console.Feed;

namespace PolicingHub.Console.Tests.Feed;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void The_wait_doubles_from_one_second_and_stays_at_fifteen()
    {
        var waits = Enumerable.Range(1, 7).Select(n => ReconnectBackoff.Delay(n, jitter: 0).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 15, 15, 15], waits);
    }

    [Fact]
    public void Jitter_moves_a_wait_by_at_most_a_fifth_either_way()
    {
        Assert.Equal(TimeSpan.FromSeconds(3.2), ReconnectBackoff.Delay(3, jitter: -1));
        Assert.Equal(TimeSpan.FromSeconds(4.8), ReconnectBackoff.Delay(3, jitter: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(0, jitter: 0));
    }
}
