using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PolicingHub.Runtime.Invocation;

/// <summary>
/// The serializer options every serialization path uses (state, events, recorded outcomes, copies, the wire):
/// registered source-generated contexts first, reflection only as a fallback for types no context knows.
/// </summary>
public sealed class RuntimeJson
{
    public RuntimeJson(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter() },
        };
        options.TypeInfoResolverChain.Add(RuntimeJsonContext.Default);
        foreach (var resolver in resolvers)
        {
            options.TypeInfoResolverChain.Add(resolver);
        }
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        Options = options;
    }

    public JsonSerializerOptions Options { get; }

    public string Serialize(object? value, Type type) => JsonSerializer.Serialize(value, Options.GetTypeInfo(type));

    public object? Deserialize(string json, Type type) => JsonSerializer.Deserialize(json, Options.GetTypeInfo(type));

    public JsonElement ToElement(object? value, Type type) => JsonSerializer.SerializeToElement(value, Options.GetTypeInfo(type));

    public object? FromElement(JsonElement element, Type type) => element.Deserialize(Options.GetTypeInfo(type));
}
