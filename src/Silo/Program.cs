using PolicingHub.Silo.Cli;
using PolicingHub.Silo.Hosting;

if (TokenCommand.IsInvoked(args))
{
    return TokenCommand.Run(args[1..], TokenCommand.LoadConfiguration(), Console.Out, Console.Error);
}

var app = SiloHost.Build(args);
await app.StartAsync();
SiloHost.PrintFirstStartToken(app, Console.Out);
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
