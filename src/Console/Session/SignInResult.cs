namespace PolicingHub.Console.Session;

/// <summary>The outcome of a sign-in: success, or the words to show the user.</summary>
public sealed record SignInResult(bool Succeeded, string? Problem)
{
    public static SignInResult Ok { get; } = new(true, null);

    public static SignInResult Refused(string problem) => new(false, problem);
}
