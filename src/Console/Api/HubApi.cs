using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PolicingHub.Console.Session;

namespace PolicingHub.Console.Api;

/// <summary>
/// The REST API with the session's bearer token. Reads return null on failure (the page shows its problem);
/// commands return <see cref="ApiResult{T}"/> with the hub's ProblemDetails. A 401 ends the session with words.
/// </summary>
public class HubApi(HttpClient http, ConsoleSession session)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public virtual Task<ApiResult<T>> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path, null);

    public virtual Task<ApiResult<T>> PostAsync<T>(string path, object? body) => SendAsync<T>(HttpMethod.Post, path, body ?? new { });

    public virtual Task<ApiResult<T>> PutAsync<T>(string path, object body) => SendAsync<T>(HttpMethod.Put, path, body);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            // A retried click must not act twice: the hub returns the first outcome for the same key.
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            return new ApiResult<T>(default, ApiProblem.Unreachable);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json), null);
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await session.SignOutAsync("Your session ended: the hub no longer accepts your token (it expired or was revoked). Sign in with a new token.");
            }
            return new ApiResult<T>(default, await ReadProblemAsync(response));
        }
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json);
            if (problem is not null)
            {
                return new ApiProblem(status, problem.Title ?? DefaultTitle(status), problem.Detail,
                    problem.Errors ?? new Dictionary<string, string[]>());
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
        }
        return new ApiProblem(status, DefaultTitle(status), null, new Dictionary<string, string[]>());
    }

    private static string DefaultTitle(int status) => status switch
    {
        400 => "Some fields need attention.",
        403 => "You may not do that.",
        404 => "Not found (or not visible to you).",
        409 => "That is not possible in the current state.",
        429 => "Too many requests; wait a moment.",
        _ => $"The hub refused the request ({status}).",
    };

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
