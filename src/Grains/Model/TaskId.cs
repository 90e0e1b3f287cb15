using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PolicingHub.Grains.Model;

/// <summary>A cooperation task id, e.g. T-20261122-0001: 3–64 letters, digits or dashes.</summary>
[JsonConverter(typeof(StringIdJsonConverter<TaskId>))]
[GenerateSerializer, Immutable, Alias("ph.TaskId")]
public readonly partial record struct TaskId([property: Id(0)] string Value) : IStringId<TaskId>
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static TaskId Parse(string value) => IsValid(value)
        ? new TaskId(value)
        : throw new FormatException($"'{value}' is not a task id (3–64 letters, digits or dashes).");

    public override string ToString() => Value;

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9-]{2,63}\z")]
    private static partial Regex Pattern();
}
