using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicingHub.Runtime.Invocation;

/// <summary>Source-generated JSON contracts of the runtime's own messages (the inter-silo wire, recorded outcomes).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InvocationMessage))]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(GrainError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
