using System.Text.Json;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.Errors;
using PolicingHub.Runtime;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Grains.Audit;

/// <summary>
/// The append-only, hash-chained audit log. Each entry is hashed over the JSON the runtime stores it as, so Verify can
/// recompute every link from the event log alone.
/// </summary>
[GrainType("audit")]
public sealed class AuditLogGrain([PersistentState("audit")] IPersistentState<AuditState> state, RuntimeJson json, IEventLog log)
    : Grain, IAuditLogGrain
{
    private const int PageSize = 500;

    public async Task<long> Append(AuditEntry entry)
    {
        if (entry is null || string.IsNullOrWhiteSpace(entry.Subject) || string.IsNullOrWhiteSpace(entry.Action)
            || string.IsNullOrWhiteSpace(entry.Target) || string.IsNullOrWhiteSpace(entry.Outcome))
        {
            throw new DomainValidationException("entry: an audit entry needs a subject, an action, a target and an outcome");
        }
        var sequence = state.State.LastSequence + 1;
        var previous = state.State.LastHash ?? AuditChain.Genesis;
        var hash = AuditChain.Hash(previous, sequence, json.Serialize(entry, typeof(AuditEntry)));
        state.State = new AuditState { LastSequence = sequence, LastHash = hash };
        await state.WriteStateAsync([new AuditRecorded(sequence, entry, previous, hash)]);
        return sequence;
    }

    public async Task<AuditVerification> Verify()
    {
        var stream = GrainId.ToString();
        var expectedSequence = 1L;
        var previous = AuditChain.Genesis;
        long entries = 0;
        AuditVerification? broken = null;
        for (var after = 0L; ;)
        {
            var page = await log.ReadStreamAsync(stream, after, PageSize);
            foreach (var envelope in page)
            {
                entries++;
                broken ??= Check(envelope.Data, expectedSequence, previous);
                var data = envelope.Data;
                expectedSequence = Read(data, "sequence", JsonValueKind.Number)?.GetInt64() + 1 ?? expectedSequence + 1;
                previous = Read(data, "hash", JsonValueKind.String)?.GetString() ?? previous;
                after = envelope.Sequence;
            }
            if (page.Count < PageSize)
            {
                break;
            }
        }
        if (broken is null && expectedSequence - 1 < state.State.LastSequence)
        {
            broken = Broken(expectedSequence, $"sequence {expectedSequence} is missing from the log (the log ends at {expectedSequence - 1}, the chain at {state.State.LastSequence})");
        }
        return broken is null ? new AuditVerification(true, entries, null, null) : broken with { Entries = entries };
    }

    /// <summary>The first problem with one link, or null when it follows <paramref name="previous"/> and its hash is right.</summary>
    private static AuditVerification? Check(JsonElement data, long expectedSequence, string previous)
    {
        var sequenceElement = Read(data, "sequence", JsonValueKind.Number);
        var entry = Read(data, "entry", JsonValueKind.Object);
        var previousHash = Read(data, "previousHash", JsonValueKind.String)?.GetString();
        var hash = Read(data, "hash", JsonValueKind.String)?.GetString();
        if (sequenceElement is not { } s || entry is not { } e || previousHash is null || hash is null)
        {
            return Broken(expectedSequence, $"the entry after sequence {expectedSequence - 1} is malformed");
        }
        var sequence = s.GetInt64();
        if (sequence != expectedSequence)
        {
            return Broken(expectedSequence, sequence > expectedSequence
                ? $"sequence {expectedSequence} is missing: the next entry is {sequence}"
                : $"sequence {sequence} appears after {expectedSequence - 1}");
        }
        if (!string.Equals(previousHash, previous, StringComparison.Ordinal))
        {
            return Broken(sequence, $"sequence {sequence}: previousHash does not match the hash of sequence {sequence - 1}");
        }
        if (!string.Equals(hash, AuditChain.Hash(previous, sequence, e.GetRawText()), StringComparison.Ordinal))
        {
            return Broken(sequence, $"sequence {sequence}: hash does not match its entry");
        }
        return null;
    }

    private static JsonElement? Read(JsonElement data, string property, JsonValueKind kind)
        => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(property, out var value) && value.ValueKind == kind ? value : null;

    private static AuditVerification Broken(long sequence, string problem)
        => new(false, 0, sequence, problem);
}
