namespace PolicingHub.Silo.Cli;

/// <summary><c>--help</c> (also <c>-h</c>, <c>-?</c>): what the executable does and how to start it; printed without starting anything.</summary>
internal static class HelpCommand
{
    public static bool IsInvoked(IReadOnlyList<string> args) => args.Count > 0 && IsHelp(args[0]);

    public static bool IsHelp(string arg) => arg is "--help" or "-h" or "-?" or "help";

    public const string Text = """
        PolicingHub silo: an Orleans silo and the hub's gateway (REST API, console hub, web console) in one process.

        usage:
          dotnet run --project src/Silo [-- options]          start the hub (http://localhost:5080 by default)
          dotnet run --project src/Silo -- token --role ROLE  print an access token and exit (see `token --help`)
          dotnet run --project src/Silo -- token revoke --jti ID|--agency CODE --url URL --token TOKEN
                                                              revoke one token, or every token of an agency issued up to now
          dotnet run --project src/Silo -- cluster init       apply the PostgreSQL schema of the Cluster/Azure profiles and exit
          dotnet run --project src/Silo -- cluster list|drain ADDRESS|stop ADDRESS --url URL --token TOKEN
                                                              list the silos of a running cluster, drain or stop one
          dotnet run --project src/Silo -- --help             print this help and exit

        options:
          --seed-demo                 load the demo day (agencies, the KR–JP and KR–CA MOUs, commitments, tasks)
          --urls http://HOST:PORT     where the gateway listens (default http://localhost:5080)
          --PolicingHub:DataPath=DIR  where the embedded store keeps its files (default data/, i.e. src/Silo/data)
          --PolicingHub:Profile=P     Embedded (default, SQLite), Cluster (PostgreSQL) or Azure (Table + Blob, log on PostgreSQL)
          --PolicingHub:Region=NAME   this silo's region (agencies live in their home region when it has a silo)
          --environment NAME          ASP.NET Core environment (reads appsettings.NAME.json)
        Every setting of appsettings.json can also be given as an environment variable, e.g. PolicingHub__DataPath=/var/lib/policinghub.

        first steps:
          1. dotnet run --project src/Silo -- --seed-demo
          2. in another terminal: dotnet run --project src/Silo -- token --role coordinator
          3. open http://localhost:5080/ and paste the token (partners: token --role partner --agency JP-NPA)

        exit codes: 0 stopped normally or help printed; 2 bad arguments or settings; 3 data folder in use by another silo;
                    4 the port is already in use
        """;
}
