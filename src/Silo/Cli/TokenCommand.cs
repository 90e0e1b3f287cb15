using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;

namespace PolicingHub.Silo.Cli;

/// <summary>
/// <c>token --role partner|coordinator|operator [--agency JP-NPA] [--subject name] [--hours 1]</c>: prints a token signed
/// with the silo's key (PolicingHub:Auth, from appsettings.json and environment variables) and exits. A partner token
/// is refused unless its agency is registered in the data folder's event log (<see cref="AgencyRegistrationCheck"/>).
/// </summary>
internal static class TokenCommand
{
    public const string Name = "token";

    public const string Usage = "usage: token --role partner|coordinator|operator [--agency CODE] [--subject NAME] [--hours N]  |  token rotate-key  |  token revoke --jti ID|--agency CODE --url URL --token JWT";

    public const string RotateKey = "rotate-key";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static IConfiguration LoadConfiguration()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    public const string Help = Usage + """

          --role     partner (a liaison desk: needs --agency), coordinator (the hub) or operator (cluster views only)
          --agency   the partner's agency code, e.g. JP-NPA, CA-RCMP, US-FBI
          --subject  who the token is for (shown in the audit trail); default: the role and agency
          --hours    lifetime in hours (default PolicingHub:Auth:TokenLifetime)
        The token is printed on stdout; its id (jti) on stderr, to revoke it later. It is signed with this silo's key
        (PolicingHub:Auth:SigningKeyPath, created if missing), so run it where the silo runs. Examples:
          dotnet run --project src/Silo -- token --role coordinator
          dotnet run --project src/Silo -- token --role partner --agency JP-NPA
          dotnet run --project src/Silo -- token --role operator
          dotnet run --project src/Silo -- token rotate-key   (new signing key; tokens of the old one stay valid until they expire)
          dotnet run --project src/Silo -- token revoke --jti ID --url http://localhost:5080 --token "$COORDINATOR"
                                                             (or --agency JP-NPA: every token of it issued up to now; see `token revoke --help`)
        """;

    /// <returns>0 with the token (or the help) on <paramref name="output"/>; 2 with the problem on <paramref name="error"/>.</returns>
    public static int Run(IReadOnlyList<string> args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        if (args.Any(HelpCommand.IsHelp))
        {
            output.WriteLine(Help);
            return 0;
        }
        if (args is [RotateKey])
        {
            var settings = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
            var (retired, fresh, deleted) = KeyRotation.Rotate(settings, TimeProvider.System);
            output.WriteLine($"Signing key rotated: new kid {fresh}; kid {retired} stays valid for {settings.MaxTokenLifetime} (its tokens' longest life); {deleted} expired retired key(s) deleted.");
            return 0;
        }
        if (!TryParse(args, out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var invalid = auth.Validate(new ValidationContext(auth)).FirstOrDefault();
        if (invalid is not null)
        {
            error.WriteLine($"{AuthOptions.SectionName}: {invalid.ErrorMessage}");
            return 2;
        }
        if (options.GetValueOrDefault("role") == GatewayClaims.Partner && AgencyCode.IsValid(options.GetValueOrDefault("agency"))
            && AgencyRegistrationCheck.ProblemAsync(configuration, options["agency"]).GetAwaiter().GetResult() is { } unregistered)
        {
            error.WriteLine(unregistered);
            return 2;
        }
        var wrapped = Options.Create(auth);
        var issuer = new TokenIssuer(new SigningKeyStore(wrapped, NullLogger<SigningKeyStore>.Instance), wrapped, TimeProvider.System,
            NullLogger<TokenIssuer>.Instance);
        try
        {
            var token = issuer.Issue(options["role"] switch
            {
                GatewayClaims.Partner => ActorRole.Partner,
                GatewayClaims.Coordinator => ActorRole.Coordinator,
                _ => ActorRole.Operator,
            }, options.GetValueOrDefault("agency"), options.GetValueOrDefault("subject"),
                options.TryGetValue("hours", out var hours) ? TimeSpan.FromHours(double.Parse(hours, CultureInfo.InvariantCulture)) : null);
            output.WriteLine(token);
            // stderr, so that TOKEN=$(… token …) still captures the token alone
            var jti = new JsonWebToken(token).Id;
            error.WriteLine($"jti: {jti} (revoke it with: token revoke --jti {jti} --url URL --token COORDINATOR_TOKEN)");
            return 0;
        }
        catch (ArgumentException e) // includes ArgumentOutOfRangeException: --hours beyond PolicingHub:Auth:MaxTokenLifetime
        {
            error.WriteLine(e.Message);
            return 2;
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = string.Empty;
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is not ("role" or "agency" or "subject" or "hours") || i + 1 >= args.Count || !options.TryAdd(name, args[i + 1]))
            {
                problem = $"unexpected or incomplete argument '{args[i]}'";
                return false;
            }
        }
        if (options.GetValueOrDefault("role") is not (GatewayClaims.Partner or GatewayClaims.Coordinator or GatewayClaims.Operator))
        {
            problem = "--role must be partner, coordinator or operator";
            return false;
        }
        if (options.TryGetValue("hours", out var hours)
            && !(double.TryParse(hours, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && h > 0 && h <= 24 * 366))
        {
            problem = "--hours must be a positive number of hours (at most a year)";
            return false;
        }
        return true;
    }
}
