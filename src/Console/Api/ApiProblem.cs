namespace PolicingHub.Console.Api;

/// <summary>
/// A refusal from the hub, from its RFC 7807 ProblemDetails: status, title, detail, and field errors keyed by the
/// request's JSON field names ("officer", "responseClauses[0].area") so forms show each beside its field.
/// </summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Unreachable { get; } = new(0, "The hub cannot be reached right now.",
        "Check your network connection; nothing was changed. Try again in a moment.", new Dictionary<string, string[]>());

    /// <summary>The message for one field, if the hub named it (first message, others joined).</summary>
    public string? For(string field) => Errors.TryGetValue(field, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    /// <summary>The one line a form shows above its fields.</summary>
    public string Summary => Detail is { Length: > 0 } detail && detail != Title ? $"{Title} {detail}" : Title;
}
