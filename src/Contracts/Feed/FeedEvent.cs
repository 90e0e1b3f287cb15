using System.Text.Json;

namespace PolicingHub.Contracts.Feed;

/// <summary>
/// One event on the console hub (/hubs/console, client method <see cref="ConsoleHubProtocol.EventMethod"/>): its global
/// position, its stream ("task/T-…"), its sequence in that stream, its stable type ("task.assigned"), when it was
/// recorded, and the past-tense event record in camelCase.
/// </summary>
public sealed record FeedEvent(long Position, string Stream, long Sequence, string Type, DateTimeOffset OccurredAt, JsonElement Data);
