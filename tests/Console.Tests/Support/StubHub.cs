using System.Net;
using System.Text;

namespace PolicingHub.Console.Tests.Support;

/// <summary>An HTTP handler answering by method and path with canned JSON, recording every request (and its body) it got.</summary>
public sealed class StubHub : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Json)> _answers = new(StringComparer.Ordinal);

    public List<(string Method, string Path, string? Body)> Requests { get; } = [];

    public StubHub Answer(string method, string path, HttpStatusCode status, string json)
    {
        _answers[$"{method} {path}"] = (status, json);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method.Method, path, body));
        if (!_answers.TryGetValue($"{request.Method.Method} {path}", out var answer))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"title\":\"Not found\",\"status\":404}", Encoding.UTF8, "application/problem+json") };
        }
        var type = (int)answer.Status >= 400 ? "application/problem+json" : "application/json";
        return new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Json, Encoding.UTF8, type) };
    }
}
