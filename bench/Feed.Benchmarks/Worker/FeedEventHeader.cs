namespace PolicingHub.Benchmarks.Feed.Worker;

/// <summary>What a console keeps of a received event envelope (the hub's FeedEvent; the payload's data is skipped).</summary>
internal sealed record FeedEventHeader(long Position, string Stream, long Sequence, string Type);
