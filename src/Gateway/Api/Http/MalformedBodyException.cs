namespace PolicingHub.Gateway.Api.Http;

/// <summary>The request body is not a JSON object (400).</summary>
internal sealed class MalformedBodyException(string message) : Exception(message);
