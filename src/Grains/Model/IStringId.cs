namespace PolicingHub.Grains.Model;

/// <summary>A strongly typed id carried as a string on the wire and as the grain key.</summary>
public interface IStringId<TSelf> where TSelf : struct, IStringId<TSelf>
{
    string Value { get; }

    /// <summary>Parses a valid id; throws <see cref="FormatException"/> naming the rule otherwise.</summary>
    static abstract TSelf Parse(string value);

    static abstract bool IsValid(string? value);
}
