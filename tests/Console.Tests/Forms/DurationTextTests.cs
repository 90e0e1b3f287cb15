using PolicingHub.Console.Forms;

namespace PolicingHub.Console.Tests.Forms;

/// <summary>The durations a response clause accepts, checked in the browser as the hub checks them.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData("PT8H", true)]
    [InlineData("P3D", true)]
    [InlineData("P1DT12H", true)]
    [InlineData("PT30M", true)]
    [InlineData("08:00:00", true)]
    [InlineData("2.00:00:00", true)]
    [InlineData("P", false)]
    [InlineData("PT", false)]
    [InlineData("P0D", false)]
    [InlineData("00:00:00", false)]
    [InlineData("three days", false)]
    [InlineData("8h", false)]
    [InlineData("", false)]
    public void A_duration_is_accepted_only_when_the_hub_would_accept_it(string text, bool valid) => Assert.Equal(valid, DurationText.IsValid(text));

    [Theory]
    [InlineData(8, 0, "8 h")]
    [InlineData(72, 0, "3 d")]
    [InlineData(36, 0, "1 d 12 h")]
    [InlineData(0, 45, "45 min")]
    public void A_clause_duration_is_described_in_days_hours_and_minutes(int hours, int minutes, string words) =>
        Assert.Equal(words, DurationText.Describe(new TimeSpan(hours, minutes, 0)));
}
