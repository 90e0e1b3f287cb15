using System.Buffers;
using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicingHub.EventLog;

namespace PolicingHub.Grains.EventSourcing;

/// <summary>
/// The domain's side of the log's contract: each event type's stable name is its Orleans <c>[Alias]</c> (the log's
/// type column), its data the record as camelCase JSON with enums by name. Knows every event type of this assembly.
/// </summary>
public static class DomainEvents
{
    /// <summary>The JSON shape of events, outcomes and fingerprints (web defaults, enums as names).</summary>
    public static readonly JsonSerializerOptions Json = CreateOptions();

    private static readonly FrozenDictionary<string, Type> ByName = typeof(DomainEvents).Assembly.GetTypes()
        .Where(t => t.Namespace?.EndsWith(".Events", StringComparison.Ordinal) == true || t == typeof(CommandAccepted))
        .Where(t => t.GetCustomAttribute<AliasAttribute>() is not null && !t.IsEnum)
        .ToFrozenDictionary(t => t.GetCustomAttribute<AliasAttribute>()!.Alias, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> ByType = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>Every event type name, e.g. "task.assigned".</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    public static string NameOf(Type type) => ByType.TryGetValue(type, out var name)
        ? name
        : throw new InvalidOperationException($"{type.FullName} is not a domain event (no [Alias] in an Events namespace).");

    /// <summary>
    /// An audit record rather than a domain event: a command's <see cref="CommandAccepted"/> record, or anything on an
    /// "audit/…" stream (refusals, seals). No console receives one, and no read model folds one.
    /// </summary>
    public static bool IsAuditRecord(EventEnvelope envelope) =>
        envelope.Type == CommandAccepted.TypeName || envelope.Stream.StartsWith("audit/", StringComparison.Ordinal);

    public static NewEvent Encode(object @event) =>
        new(NameOf(@event.GetType()), JsonSerializer.SerializeToElement(@event, @event.GetType(), Json));

    /// <summary>The typed event, or null for a type this build does not know (ignored by folds).</summary>
    public static object? Decode(EventEnvelope envelope) =>
        ByName.TryGetValue(envelope.Type, out var type) ? envelope.Data.Deserialize(type, Json) : null;

    public static T? Decode<T>(EventEnvelope envelope) where T : class => Decode(envelope) as T;

    public static JsonElement ToJson<T>(T value) => JsonSerializer.SerializeToElement(value, Json);

    public static T FromJson<T>(JsonElement json) => json.Deserialize<T>(Json)!;

    /// <summary>What makes two commands "the same" for an idempotency key: the method and the command's JSON.</summary>
    public static string Fingerprint(string method, object command)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(command);
        // SHA-256 of "method\n" + JSON in one call (an IncrementalHash costs an OpenSSL context per command).
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(Encoding.UTF8.GetBytes(method + "\n"));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, command, command.GetType(), Json);
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
