namespace PolicingHub.Runtime;

/// <summary>Identity of a grain: its grain type name and its string key. Written as "type/key".</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";

    public static GrainId Parse(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            throw new FormatException($"'{value}' is not a grain id; expected 'type/key'.");
        }
        return new GrainId(value[..slash], value[(slash + 1)..]);
    }
}
