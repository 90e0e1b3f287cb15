namespace PolicingHub.Silo.Cli;

/// <summary>
/// <c>cluster list|drain ADDRESS|stop ADDRESS --url http://HOST:PORT [--token JWT]</c>: the operator API from the command
/// line, against any silo (GET /api/cluster, POST /api/cluster/silos/{address}/drain|stop). The token is an operator's
/// or coordinator's (<c>token --role operator</c>), from --token or the POLICINGHUB_TOKEN environment variable.
/// </summary>
internal static class ClusterCommand
{
    public const string Name = "cluster";

    public const string Usage = "usage: cluster list|drain ADDRESS|stop ADDRESS --url http://HOST:PORT [--token JWT] (or POLICINGHUB_TOKEN)";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <returns>0 with the answer on <paramref name="output"/>; 1 when the silo refused (its problem on <paramref name="error"/>); 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null)
    {
        var (verb, address, url, token, problem) = Parse(args);
        if (problem is not null)
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }
        using var request = verb == "list"
            ? new HttpRequestMessage(HttpMethod.Get, "/api/cluster")
            : new HttpRequestMessage(HttpMethod.Post, $"/api/cluster/silos/{Uri.EscapeDataString(address!)}/{verb}");
        return await SiloApiCall.SendAsync(request, url!, token!, output, error, handler);
    }

    private static (string? Verb, string? Address, Uri? Url, string? Token, string? Problem) Parse(IReadOnlyList<string> args)
    {
        var verb = args.Count > 0 ? args[0] : null;
        var next = 1;
        string? address = null;
        if (verb is "drain" or "stop")
        {
            address = args.Count > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
            next = 2;
            if (address is null)
            {
                return (null, null, null, null, $"{verb} needs the silo's address as GET /api/cluster shows it (e.g. S127.0.0.1:11111:123456789)");
            }
        }
        else if (verb != "list")
        {
            return (null, null, null, null, "the first argument must be list, drain or stop");
        }
        string? url = null;
        var token = Environment.GetEnvironmentVariable(SiloApiCall.TokenVariable);
        for (var i = next; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--url" when value is not null:
                    url = value;
                    break;
                case "--token" when value is not null:
                    token = value;
                    break;
                default:
                    return (null, null, null, null, $"unexpected or incomplete argument '{args[i]}'");
            }
        }
        if (SiloApiCall.SiloAddressProblem(url, out var uri) is { } badUrl)
        {
            return (null, null, null, null, badUrl);
        }
        return string.IsNullOrWhiteSpace(token)
            ? (null, null, null, null, $"an operator token is needed: --token JWT or {SiloApiCall.TokenVariable} (token --role operator prints one)")
            : (verb, address, uri, token, null);
    }
}
