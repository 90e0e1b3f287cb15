using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;

namespace PolicingHub.Silo.Cli;

/// <summary>
/// What a started silo prints: where the console is and how to get a token — on every start, so it is never missed —
/// and, on the very first start (the signing key was just created), a coordinator token ready to paste.
/// </summary>
internal static class StartBanner
{
    public const string TokenHint = "dotnet run --project src/Silo -- token --role coordinator";

    public static void Print(WebApplication app, TextWriter output)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://localhost:5080";
        output.WriteLine($"PolicingHub is running: open {url.TrimEnd('/')}/ and sign in with a token. " +
            $"Get one with `{TokenHint}` (or --role partner --agency JP-NPA, --role operator); `-- --help` for more.");
        if (app.Services.GetRequiredService<SigningKeyStore>().Created)
        {
            var token = app.Services.GetRequiredService<TokenIssuer>().Issue(ActorRole.Coordinator, subject: "first-start-coordinator");
            output.WriteLine($"First start: a new signing key was created. Coordinator token: {token}");
        }
    }
}
