namespace PolicingHub.Runtime.Idempotency;

/// <summary>A call's recorded outcome: a JSON result (null for void) or an error's type and message.</summary>
public sealed record CommandOutcome(string? ResultJson, string? ErrorType, string? ErrorMessage)
{
    public bool IsError => ErrorType is not null;

    public static CommandOutcome Success(string? resultJson) => new(resultJson, null, null);

    public static CommandOutcome Failure(Exception error) => new(null, error.GetType().FullName, error.Message);
}
