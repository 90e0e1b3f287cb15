namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// The dates a request may carry: from 2000-01-01 (UTC) to ten years after now. Anything outside (year 9999,
/// 0001-01-01) is a typing or encoding mistake, not a cooperation date; refusing it keeps deadlines, due dates and
/// signatures meaningful and keeps date arithmetic (deadline + grace) far from overflow.
/// </summary>
internal static class DateWindow
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan AheadOfNow = TimeSpan.FromDays(3653); // ten years

    /// <summary>Ten years after the system clock's now (the window is wide enough that a test's domain clock never matters).</summary>
    public static DateTimeOffset Latest => TimeProvider.System.GetUtcNow() + AheadOfNow;

    /// <summary>Why <paramref name="value"/> is outside the window, or null.</summary>
    public static string? Problem(DateTimeOffset value) =>
        value < Earliest || value > Latest
            ? $"Must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd} (UTC)."
            : null;

    public static string? Problem(DateOnly value) => Problem(new DateTimeOffset(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
