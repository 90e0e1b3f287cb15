using System.Net.Http.Json;
using PolicingHub.Contracts.Tokens;

namespace PolicingHub.Silo.Cli;

/// <summary>
/// <c>token revoke --jti ID | --agency CODE --url http://HOST:PORT [--token JWT]</c>: POST /api/tokens/revocations on a
/// running silo with a coordinator's token (--token or POLICINGHUB_TOKEN). It goes through the silo, not the data folder:
/// the revocation grain is the one writer of "security/tokens" (a second process appending to the log would bypass it),
/// the revocation is audited under the coordinator's name, the answering silo refuses the token at once and closes its
/// live consoles, and every other silo learns it from the log.
/// </summary>
internal static class TokenRevokeCommand
{
    public const string Verb = "revoke";

    public const string Usage = "usage: token revoke --jti ID | --agency CODE --url http://HOST:PORT [--token JWT] (or POLICINGHUB_TOKEN; a coordinator's)";

    public const string Help = Usage + """

          --jti      the token's id: printed (on stderr) by `token` when it mints one; GET /api/me does not show it
          --agency   revoke every token of this agency issued up to now; tokens minted from the next second on work
          --url      a running silo of the hub (any silo of a cluster: the others learn it from the event log)
          --token    a coordinator token (token --role coordinator), or set POLICINGHUB_TOKEN
        Example:
          dotnet run --project src/Silo -- token revoke --jti 6f1c… --url http://localhost:5080 --token "$COORDINATOR"
        """;

    public static bool IsInvoked(string[] args) => args.Length > 1 && args[0] == TokenCommand.Name && args[1] == Verb;

    /// <returns>0 with the revocation on <paramref name="output"/>; 1 when the silo refused (its problem on <paramref name="error"/>); 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null)
    {
        if (args.Any(HelpCommand.IsHelp))
        {
            output.WriteLine(Help);
            return 0;
        }
        var (request, url, token, problem) = Parse(args);
        if (problem is not null)
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/tokens/revocations") { Content = JsonContent.Create(request) };
        return await SiloApiCall.SendAsync(message, url!, token!, output, error, handler);
    }

    private static (RevokeTokensRequest? Request, Uri? Url, string? Token, string? Problem) Parse(IReadOnlyList<string> args)
    {
        string? jti = null, agency = null, url = null;
        var token = Environment.GetEnvironmentVariable(SiloApiCall.TokenVariable);
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--jti" when value is not null && jti is null:
                    jti = value;
                    break;
                case "--agency" when value is not null && agency is null:
                    agency = value;
                    break;
                case "--url" when value is not null:
                    url = value;
                    break;
                case "--token" when value is not null:
                    token = value;
                    break;
                default:
                    return (null, null, null, $"unexpected or incomplete argument '{args[i]}'");
            }
        }
        if (jti is null == agency is null)
        {
            return (null, null, null, "give exactly one of --jti (one token) or --agency (every token of it)");
        }
        if (SiloApiCall.SiloAddressProblem(url, out var uri) is { } badUrl)
        {
            return (null, null, null, badUrl);
        }
        return string.IsNullOrWhiteSpace(token)
            ? (null, null, null, $"a coordinator token is needed: --token JWT or {SiloApiCall.TokenVariable} (token --role coordinator prints one)")
            : (new RevokeTokensRequest(jti, agency), uri, token, null);
    }
}
