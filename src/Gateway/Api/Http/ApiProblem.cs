using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>An error response: status, title, a detail safe to show, and field errors for validation problems.</summary>
internal sealed record ApiProblem(int Status, string Title, string? Detail, IDictionary<string, string[]>? Errors = null)
{
    /// <summary>How the audit log records it: "&lt;status&gt; &lt;title&gt;".</summary>
    public string Outcome => $"{Status} {Title}";

    public IResult ToResult() => Errors is null
        ? TypedResults.Problem(Detail, statusCode: Status, title: Title)
        : TypedResults.ValidationProblem(Errors, Detail, title: Title);
}
