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
}
