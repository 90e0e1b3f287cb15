namespace PolicingHub.Gateway.Api.Http;

/// <summary>A request failed validation before any grain was called: a 400 ValidationProblem with these field errors.</summary>
internal sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more validation errors occurred.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
