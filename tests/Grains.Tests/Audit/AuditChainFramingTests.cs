using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolicingHub.EventLog;
using PolicingHub.Grains.Audit;

namespace PolicingHub.Grains.Tests.Audit;

/// <summary>The chain's link is exactly the documented framing, so checkpoints sealed by an earlier build still verify.</summary>
public sealed class AuditChainFramingTests
{
    private static readonly byte[] KeyBytes = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void Each_link_is_the_HMAC_of_the_previous_link_and_the_length_prefixed_fields_of_the_event_as_stored()
    {
        var chain = new AuditChain(new AuditKey(KeyBytes));
        var first = Envelope(1, "task/T-1", 1, "task.assigned", """{"title":"Phishing \u2014 銀行","n":1}""");
        var second = Envelope(2, "task/T-1", 2, "command.accepted", """{ "spaced" : [1, 2] }""");

        var link1 = chain.Next(AuditChain.Genesis, first);
        var link2 = chain.Next(link1, second);

        Assert.Equal(Reference(AuditChain.Genesis, first), link1);
        Assert.Equal(Reference(link1, second), link2);
        Assert.NotEqual(link2, chain.Next(link1, Envelope(2, "task/T-1", 2, "command.accepted", """{"spaced":[1,2]}""")));
    }

    [Fact]
    public async Task Links_computed_on_several_threads_at_once_are_the_same_as_computed_one_by_one()
    {
        var chain = new AuditChain(new AuditKey(KeyBytes));
        var events = Enumerable.Range(1, 200).Select(i => Envelope(i, $"agency/A-{i % 7}", i, "agency.registered", $$"""{"i":{{i}}}""")).ToArray();
        var expected = events.Select(e => Reference(AuditChain.Genesis, e)).ToArray();

        var actual = await Task.WhenAll(events.Select(e => Task.Run(() => chain.Next(AuditChain.Genesis, e))));

        Assert.Equal(expected, actual);
    }

    private static EventEnvelope Envelope(long position, string stream, long sequence, string type, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new EventEnvelope(position, stream, sequence, type, new DateTimeOffset(2026, 11, 26, 9, 30, 15, 123, TimeSpan.Zero), document.RootElement.Clone());
    }

    /// <summary>The framing written out the slow, obvious way.</summary>
    private static string Reference(string previous, EventEnvelope e)
    {
        var frame = new List<byte>(Convert.FromHexString(previous));
        void Field(byte[] bytes)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            frame.AddRange(length);
            frame.AddRange(bytes);
        }
        byte[] Number(long value)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(bytes, value);
            return bytes;
        }
        Field(Number(e.Position));
        Field(Encoding.UTF8.GetBytes(e.Stream));
        Field(Number(e.Sequence));
        Field(Encoding.UTF8.GetBytes(e.Type));
        Field(Encoding.UTF8.GetBytes(e.OccurredAt.ToString("O", CultureInfo.InvariantCulture)));
        Field(Encoding.UTF8.GetBytes(e.Data.GetRawText()));
        return Convert.ToHexStringLower(HMACSHA256.HashData(KeyBytes, frame.ToArray()));
    }
}
