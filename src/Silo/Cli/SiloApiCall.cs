using System.Net.Http.Headers;
using System.Text.Json;

namespace PolicingHub.Silo.Cli;

/// <summary>One REST call of a CLI verb against a running silo: the answer (indented JSON) on output, or its problem on error.</summary>
internal static class SiloApiCall
{
    /// <summary>The environment variable a verb takes its token from when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "POLICINGHUB_TOKEN";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Null when <paramref name="url"/> (the <c>--url</c> option) is a silo's http(s) address, given in <paramref name="silo"/>; otherwise why not.</summary>
    public static string? SiloAddressProblem(string? url, out Uri? silo)
    {
        silo = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
        return silo is null ? "--url must be a silo's http(s) address, e.g. http://127.0.0.1:5080" : null;
    }

    /// <returns>0 when the silo answered 2xx; 1 when it refused or could not be reached.</returns>
    public static async Task<int> SendAsync(HttpRequestMessage request, Uri url, string token, TextWriter output, TextWriter error, HttpMessageHandler? handler)
    {
        using var http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null)
        {
            BaseAddress = url, Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var text = body.Length > 0 ? JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, Indented) : "";
            (response.IsSuccessStatusCode ? output : error).WriteLine(text.Length > 0 ? text : $"{(int)response.StatusCode} {response.ReasonPhrase}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            error.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}
