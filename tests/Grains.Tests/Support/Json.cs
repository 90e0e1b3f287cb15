using System.Text.Json;
using PolicingHub.Grains.EventSourcing;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>Views compared whole, as the domain's JSON (records holding ImmutableArrays do not compare by content).</summary>
public static class Json
{
    public static string Of<T>(T value) => JsonSerializer.Serialize(value, DomainEvents.Json);
}
