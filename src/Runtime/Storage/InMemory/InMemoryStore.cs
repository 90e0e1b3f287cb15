using System.Globalization;
using System.Text.Json;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Idempotency;
using PolicingHub.Runtime.Reminders;

namespace PolicingHub.Runtime.Storage.InMemory;

/// <summary>
/// The tests-only store: grain state, event log, command ledger and reminders behind one lock, so a write (state,
/// events and pending command record) is atomic. ETags are per-record version numbers ("1", "2", ...); a clear keeps
/// the record as a tombstone (null payload) whose version advances, so versions never repeat.
/// </summary>
public sealed class InMemoryStore : IGrainStorage, IEventLog, ICommandLedger, IReminderTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), (long Version, string? Payload)> _states = [];
    private readonly List<EventEnvelope> _events = [];
    private readonly Dictionary<string, long> _lastSequences = [];
    private readonly Dictionary<(GrainId, string), CommandRecord> _commands = [];
    private readonly Dictionary<(GrainId, string), ReminderEntry> _reminders = [];

    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_states.TryGetValue((grainId, stateName), out var stored)
                ? new StoredState(stored.Payload, Format(stored.Version))
                : null);
        }
    }

    public Task<WriteOutcome> WriteAsync(StateWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var data = write.Events.Select(e => Parse(e.Data)).ToList();
        lock (_lock)
        {
            var key = (write.GrainId, write.StateName);
            var current = _states.TryGetValue(key, out var stored) ? stored.Version : (long?)null;
            if (Format(current) != write.ExpectedETag)
            {
                throw Conflict(write.GrainId, write.StateName, write.ExpectedETag, current);
            }
            var version = (current ?? 0) + 1;
            _states[key] = (version, write.Payload);

            var stream = write.GrainId.ToString();
            var sequence = _lastSequences.GetValueOrDefault(stream);
            var committed = new List<EventEnvelope>(write.Events.Count);
            for (var i = 0; i < write.Events.Count; i++)
            {
                var envelope = new EventEnvelope(
                    _events.Count + 1, stream, ++sequence, write.Events[i].Type, write.Timestamp, data[i]);
                _events.Add(envelope);
                committed.Add(envelope);
            }
            _lastSequences[stream] = sequence;

            if (write.Command is { } command)
            {
                _commands.TryAdd((write.GrainId, command.IdempotencyKey), new CommandRecord(command.Method, null));
            }
            return Task.FromResult(new WriteOutcome(Format(version), committed));
        }
    }

    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = (grainId, stateName);
            var current = _states.TryGetValue(key, out var stored) ? stored.Version : (long?)null;
            if (Format(current) != expectedETag)
            {
                throw Conflict(grainId, stateName, expectedETag, current);
            }
            // A tombstone, not a removal: the version lives on, so a later first write cannot restart it at 1.
            var version = (current ?? 0) + 1;
            _states[key] = (version, null);
            return Task.FromResult(Format(version));
        }
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        lock (_lock)
        {
            // Positions are 1..Count, so the event at position p sits at index p - 1.
            var start = (int)Math.Clamp(afterPosition, 0, _events.Count);
            var count = Math.Min(maxCount, _events.Count - start);
            return Task.FromResult<IReadOnlyList<EventEnvelope>>(_events.GetRange(start, count));
        }
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(
        string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<EventEnvelope>>(_events
                .Where(e => e.Stream == stream && e.Sequence > afterSequence)
                .Take(maxCount)
                .ToList());
        }
    }

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_events.Count);
        }
    }

    public Task<CommandRecord?> FindAsync(GrainId grainId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_commands.GetValueOrDefault((grainId, idempotencyKey)));
        }
    }

    public Task CompleteAsync(
        GrainId grainId, string idempotencyKey, string method, CommandOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_lock)
        {
            var key = (grainId, idempotencyKey);
            if (!_commands.TryGetValue(key, out var existing))
            {
                _commands[key] = new CommandRecord(method, outcome);
            }
            else if (existing.Outcome is null)
            {
                _commands[key] = existing with { Outcome = outcome };
            }
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>(_reminders.Values
                .OrderBy(r => r.GrainId.ToString(), StringComparer.Ordinal)
                .ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList());
        }
    }

    // Explicit: IGrainStorage.ReadAsync has the same parameter types.
    Task<ReminderEntry?> IReminderTable.ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_reminders.GetValueOrDefault((grainId, name)));
        }
    }

    public Task<ReminderEntry> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            var key = (entry.GrainId, entry.Name);
            var version = _reminders.TryGetValue(key, out var existing) ? long.Parse(existing.ETag) + 1 : 1;
            var stored = entry with { ETag = Format(version) };
            _reminders[key] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_reminders.Remove((grainId, name)));
        }
    }

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static string? Format(long? version) => version is { } value ? Format(value) : null;

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static InconsistentStateException Conflict(GrainId grainId, string stateName, string? expected, long? current) =>
        new($"State '{stateName}' of grain {grainId} was not written: expected ETag {expected ?? "(none)"}, " +
            $"found {Format(current) ?? "(none)"}.", storedETag: Format(current), currentETag: expected);
}
