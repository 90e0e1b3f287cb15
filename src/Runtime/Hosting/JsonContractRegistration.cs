using System.Text.Json.Serialization.Metadata;

namespace PolicingHub.Runtime.Hosting;

/// <summary>A source-generated JSON context (or other resolver) the runtime serializes with.</summary>
public sealed record JsonContractRegistration(IJsonTypeInfoResolver Resolver);
