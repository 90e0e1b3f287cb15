using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Security;

/// <summary>Revokes the token whose jti claim is <paramref name="TokenId"/> (coordinators only).</summary>
[GenerateSerializer, Immutable, Alias("ph.RevokeToken")]
public sealed record RevokeToken([property: Id(0)] Actor Actor, [property: Id(1)] string TokenId)
{
    public const int MaxTokenIdLength = 128;

    /// <summary>A jti as tokens carry it: 1–128 visible ASCII characters (the hub issues 32 hex digits).</summary>
    public static bool IsValidTokenId(string? value) =>
        value is { Length: > 0 and <= MaxTokenIdLength } && value.All(c => c is > ' ' and <= '~');
}
