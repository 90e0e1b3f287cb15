using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PolicingHub.Grains.Model;

/// <summary>An agreement (MOU) id, e.g. MOU-KR-JP-2026: 3–64 letters, digits or dashes.</summary>
[JsonConverter(typeof(StringIdJsonConverter<AgreementId>))]
[GenerateSerializer, Immutable, Alias("ph.AgreementId")]
public readonly partial record struct AgreementId([property: Id(0)] string Value) : IStringId<AgreementId>
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static AgreementId Parse(string value) => IsValid(value)
        ? new AgreementId(value)
        : throw new FormatException($"'{value}' is not an agreement id (3–64 letters, digits or dashes).");

    public override string ToString() => Value;

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9-]{2,63}\z")]
    private static partial Regex Pattern();
}
