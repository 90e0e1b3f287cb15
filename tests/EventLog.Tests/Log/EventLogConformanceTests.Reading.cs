using System.Text.Json;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>Reading: by position in pages, by stream after a sequence, the last position, data as written.</summary>
public abstract partial class EventLogConformanceTests
{
    [Fact]
    public async Task An_empty_log_has_last_position_0_and_reads_nothing()
    {
        Assert.Equal(0, await Log.GetLastPositionAsync());
        Assert.Empty(await Log.ReadAsync(0, 10));
        Assert.Empty(await Log.ReadStreamAsync("task/T-1", 0, 10));
    }

    [Fact]
    public async Task Reading_in_pages_after_each_last_position_returns_every_event_once_in_position_order()
    {
        var expected = new Dictionary<string, long> { ["a"] = 0, ["b"] = 0, ["c"] = 0 };
        for (var round = 0; round < 4; round++)
        {
            foreach (var stream in expected.Keys.ToList())
            {
                expected[stream] = (await Log.AppendAsync(stream, expected[stream], Events("Changed", "Audited"))).NextExpectedSequence;
            }
        }

        var read = new List<EventEnvelope>();
        var pages = new List<int>();
        for (var page = await Log.ReadAsync(0, 5); page.Count > 0; page = await Log.ReadAsync(read[^1].Position, 5))
        {
            pages.Add(page.Count);
            read.AddRange(page);
        }

        Assert.Equal([5, 5, 5, 5, 4], pages);
        Assert.Equal(Enumerable.Range(1, 24).Select(p => (long)p), read.Select(e => e.Position));
        Assert.Equal(await ReadAllAsync(), read.Select(Describe));
        Assert.Equal([22L, 23L, 24L], (await Log.ReadAsync(21, 100)).Select(e => e.Position));
        Assert.Empty(await Log.ReadAsync(24, 100));
        Assert.Empty(await Log.ReadAsync(0, 0));
        Assert.Equal(24, await Log.GetLastPositionAsync());
    }

    [Fact]
    public async Task Reading_a_stream_after_a_sequence_returns_its_later_events_in_order_up_to_the_count()
    {
        for (var i = 0; i < 6; i++)
        {
            await Log.AppendAsync("task/T-1", i, Events($"Step{i + 1}"));
            await Log.AppendAsync($"task/other-{i}", 0, Events("Noise"));
        }

        var middle = await Log.ReadStreamAsync("task/T-1", 2, 3);

        Assert.Equal(["5 task/T-1#3 Step3", "7 task/T-1#4 Step4", "9 task/T-1#5 Step5"],
            middle.Select(e => $"{e.Position} {e.Stream}#{e.Sequence} {e.Type}"));
        Assert.Equal([6L], (await Log.ReadStreamAsync("task/T-1", 5, 10)).Select(e => e.Sequence));
        Assert.Empty(await Log.ReadStreamAsync("task/T-1", 6, 10));
        Assert.Equal(Enumerable.Range(1, 6).Select(s => (long)s), (await Log.ReadStreamAsync("task/T-1", 0, 100)).Select(e => e.Sequence));
        Assert.Empty(await Log.ReadStreamAsync("task/T-", 0, 100));
    }

    [Fact]
    public async Task Event_data_reads_back_as_written_including_Korean_and_Japanese_text()
    {
        const string written = """
            {"title":"한일 경찰청장 회담","partner":"警察庁","areas":["산업기술 유출","サイバー空間の安全"],
             "deadlineHours":8,"ratio":0.25,"urgent":true,"note":null,"nested":{"emoji":"🚓","quote":"\"RED\""}}
            """;
        NewEvent[] events;
        using (var document = JsonDocument.Parse(written))
        {
            events = [new NewEvent("AgreementSigned", document.RootElement)];
            await Log.AppendAsync("agreement/KR-JP", 0, events);
        }

        var read = Assert.Single(await Log.ReadStreamAsync("agreement/KR-JP", 0, 10));

        Assert.True(JsonElement.DeepEquals(Json(written), read.Data));
        Assert.Equal("한일 경찰청장 회담", read.Data.GetProperty("title").GetString());
        Assert.Equal("警察庁", read.Data.GetProperty("partner").GetString());
        Assert.Equal(["산업기술 유출", "サイバー空間の安全"], read.Data.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("🚓", read.Data.GetProperty("nested").GetProperty("emoji").GetString());
        Assert.Equal(JsonValueKind.Null, read.Data.GetProperty("note").ValueKind);
        Assert.Equal("AgreementSigned", read.Type);
    }

    [Fact]
    public async Task Data_of_any_JSON_kind_round_trips()
    {
        NewEvent[] events = [new("Text", Json("\"plain\"")), new("Number", Json("42")), new("List", Json("[1,\"two\"]")), new("Empty", Json("{}"))];

        await Log.AppendAsync("misc/1", 0, events);

        Assert.Equal(["\"plain\"", "42", "[1,\"two\"]", "{}"], (await Log.ReadAsync(0, 10)).Select(e => e.Data.GetRawText()));
    }
}
