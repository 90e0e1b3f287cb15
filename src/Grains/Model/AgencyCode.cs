using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PolicingHub.Grains.Model;

/// <summary>An agency code: ISO 3166-1 alpha-2 country, a dash, the agency's short name — KR-KNPA, JP-NPA, CA-RCMP.</summary>
[JsonConverter(typeof(StringIdJsonConverter<AgencyCode>))]
[GenerateSerializer, Immutable, Alias("ph.AgencyCode")]
public readonly partial record struct AgencyCode([property: Id(0)] string Value) : IStringId<AgencyCode>
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static AgencyCode Parse(string value) => IsValid(value)
        ? new AgencyCode(value)
        : throw new FormatException($"'{value}' is not an agency code (two capital letters, a dash, 2–12 capitals or digits, e.g. JP-NPA).");

    /// <summary>The agency's country (ISO 3166-1 alpha-2), the code's first two letters.</summary>
    public string Country => Value[..2];

    public override string ToString() => Value;

    [GeneratedRegex(@"\A[A-Z]{2}-[A-Z0-9]{2,12}\z")]
    private static partial Regex Pattern();
}
