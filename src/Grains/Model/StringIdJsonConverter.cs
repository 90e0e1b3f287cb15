using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicingHub.Grains.Model;

/// <summary>Writes a strongly typed id as its string; reading validates it (a bad id is a JSON error, i.e. a 400).</summary>
public sealed class StringIdJsonConverter<T> : JsonConverter<T> where T : struct, IStringId<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (!T.IsValid(value))
        {
            throw new JsonException($"'{value}' is not a valid {typeof(T).Name}.");
        }
        return T.Parse(value!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
